package io.securityinfo.twostep;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AbstractAuthenticationProcessingFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;
import org.springframework.web.servlet.support.SessionFlashMapManager;

import io.securityinfo.account.SignedInUser;
import io.securityinfo.securityinfo.RecoveryCodeCheck;

/**
 * The code form of the challenge page ({@code POST /two-step}): hands the signed-in person, what they were asked
 * for and the typed code to {@link SecondFactorAuthenticationProvider}. On success Spring Security adds the
 * factors given before to the new one (multi-factor merging), changes the session id and saves the context in
 * the session; the person goes back to where they were going. On failure the challenge page is shown again (a
 * redirect, the message and the typed code in flash attributes) with the message beside the field.
 */
class SecondFactorFilter extends AbstractAuthenticationProcessingFilter {

	/** Flash attributes of a refused code: the message key, its arguments and what was typed. */
	static final String FAILURE_KEY = "codeFailureKey";

	static final String FAILURE_ARGUMENTS = "codeFailureArguments";

	static final String TYPED_CODE = "typedCode";

	static final String CODE_PARAMETER = "code";

	private final RecoveryCodeCheck recoveryCodes;

	SecondFactorFilter(SecondFactorAuthenticationProvider provider, RequestCache requestCache,
			RecoveryCodeCheck recoveryCodes) {
		super(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, TwoStepController.PAGE),
				new ProviderManager(provider));
		this.recoveryCodes = recoveryCodes;
		setMfaEnabled(true);
		setSessionAuthenticationStrategy(new ChangeSessionIdAuthenticationStrategy());
		setSecurityContextRepository(new DelegatingSecurityContextRepository(
				new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository()));
		SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler() {
			@Override
			public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
					Authentication authentication) throws ServletException, IOException {
				TwoStepSession.forgetAttempt(request.getSession());
				super.onAuthenticationSuccess(request, response, authentication);
			}
		};
		success.setRequestCache(requestCache);
		setAuthenticationSuccessHandler(success);
		setAuthenticationFailureHandler(showPageAgain());
	}

	@Override
	public Authentication attemptAuthentication(HttpServletRequest request, HttpServletResponse response) {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		if (current == null || !current.isAuthenticated() || !(current.getPrincipal() instanceof SignedInUser user)) {
			throw new InsufficientAuthenticationException("Sign in with the password first");
		}
		String code = request.getParameter(CODE_PARAMETER);
		HttpSession session = request.getSession();
		TwoStepSession.Attempt attempt = TwoStepSession.attempt(session);
		if (attempt != null && recoveryCodes.checks(attempt.mode())) {
			if (!recoveryCodes.isWellFormed(code)) {
				// Not a recovery code's shape: said beside the field, and no attempt is counted.
				throw new SecondFactorException("twostep.code.format.recovery");
			}
			return getAuthenticationManager()
				.authenticate(SecondFactorAuthentication.unauthenticated(user, attempt, code.strip()));
		}
		String digits = code == null ? "" : code.replaceAll("\\s", "");
		if (!digits.matches("\\d{6}")) {
			// Not a code at all: said beside the field, and no attempt is counted.
			throw new SecondFactorException("twostep.code.format");
		}
		if (attempt == null) {
			throw new SecondFactorException("twostep.code.none");
		}
		return getAuthenticationManager()
			.authenticate(SecondFactorAuthentication.unauthenticated(user, attempt, digits));
	}

	private static AuthenticationFailureHandler showPageAgain() {
		FlashMapManager flashMaps = new SessionFlashMapManager();
		RedirectStrategy redirect = new DefaultRedirectStrategy();
		return (request, response, exception) -> {
			SecondFactorException refused = messageOf(exception);
			FlashMap flash = new FlashMap();
			flash.put(FAILURE_KEY, refused.messageKey());
			flash.put(FAILURE_ARGUMENTS, refused.arguments());
			flash.put(TYPED_CODE, request.getParameter(CODE_PARAMETER));
			flash.setTargetRequestPath(request.getContextPath() + TwoStepController.PAGE);
			flashMaps.saveOutputFlashMap(flash, request, response);
			redirect.sendRedirect(request, response, TwoStepController.PAGE);
		};
	}

	private static SecondFactorException messageOf(AuthenticationException exception) {
		return exception instanceof SecondFactorException known ? known
				: new SecondFactorException("twostep.code.none");
	}

}
