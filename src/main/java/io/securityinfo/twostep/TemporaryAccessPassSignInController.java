package io.securityinfo.twostep;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.securityinfo.account.SignInThrottle;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.securityinfo.TemporaryAccessPassCheck;
import io.securityinfo.securityinfo.TemporaryAccessPassCheck.Outcome;
import io.securityinfo.sessions.SignInDetails;

/**
 * "Use a Temporary Access Pass" on the sign-in page: the email and the pass instead of the password. Every attempt
 * is counted by the sign-in throttle as a password is, and refused while the email or the address is locked. An
 * accepted pass signs the person in with its own factor ({@code FACTOR_TEMPORARY_ACCESS_PASS}), which is a second
 * factor, stamped so that the step-up rule counts it as fresh until the pass ends (it is issued that long before
 * the pass's end): the person can register new methods while it lasts, and is asked for one of them after. They
 * land on Security info, told until when the pass lasts. The pass never resets a password.
 */
@Controller
@RequestMapping(TemporaryAccessPassSignInController.PAGE)
class TemporaryAccessPassSignInController {

	static final String PAGE = "/login/temporary-access-pass";

	private static final String FORM = "passForm";

	private final TemporaryAccessPassCheck passes;

	private final SignInThrottle throttle;

	private final UserDetailsService users;

	private final Duration stepUpValidFor;

	private final MessageSource messages;

	private final SignInDetails signInDetails;

	private final SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
			new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

	TemporaryAccessPassSignInController(TemporaryAccessPassCheck passes, SignInThrottle throttle,
			UserDetailsService users, StepUpProperties stepUp, MessageSource messages, SignInDetails signInDetails) {
		this.passes = passes;
		this.throttle = throttle;
		this.users = users;
		this.stepUpValidFor = stepUp.validFor();
		this.messages = messages;
		this.signInDetails = signInDetails;
	}

	@GetMapping
	String initForm(Model model) {
		model.addAttribute(FORM, new TemporaryAccessPassSignInForm());
		return "twostep/temporary-access-pass";
	}

	@PostMapping
	String processForm(@ModelAttribute(FORM) TemporaryAccessPassSignInForm form, BindingResult result,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		String email = form.getEmail() == null ? "" : form.getEmail().strip();
		SignInThrottle.Attempt attempt = throttle.begin(email, request.getRemoteAddr());
		if (!attempt.allowed()) {
			throttle.failed(attempt);
			result.reject("signin.throttled");
			return "twostep/temporary-access-pass";
		}
		SignedInUser user = find(email);
		TemporaryAccessPassCheck.Use use = user == null || !user.isEnabled()
				? TemporaryAccessPassCheck.Use.of(Outcome.WRONG) : passes.signIn(user.id(), form.getPass());
		if (use.outcome() != Outcome.ACCEPTED) {
			throttle.failed(attempt);
			result.rejectValue("pass", refusal(use.outcome()),
					new Object[] { use.startsAt() == null ? "" : when(use.startsAt()) }, null);
			return "twostep/temporary-access-pass";
		}
		throttle.succeeded(attempt);
		signIn(user, use.endsAt(), request, response);
		redirect.addFlashAttribute("temporaryAccessPassEndsAt", use.endsAt());
		return "redirect:/security-info";
	}

	private static String refusal(Outcome outcome) {
		return switch (outcome) {
			case NOT_YET_VALID -> "accesspass.signin.NOT_YET_VALID";
			case EXPIRED -> "accesspass.signin.EXPIRED";
			case USED -> "accesspass.signin.USED";
			case DISABLED -> "accesspass.signin.DISABLED";
			case WRONG, ACCEPTED -> "accesspass.signin.WRONG";
		};
	}

	/** In UTC, as the pages show times, in the page's language's format. */
	private String when(Instant instant) {
		Locale locale = LocaleContextHolder.getLocale();
		return DateTimeFormatter.ofPattern(messages.getMessage("format.date-time", null, locale), locale)
			.withZone(ZoneOffset.UTC)
			.format(instant) + " UTC";
	}

	private SignedInUser find(String email) {
		try {
			return users.loadUserByUsername(email) instanceof SignedInUser user ? user : null;
		}
		catch (UsernameNotFoundException ex) {
			return null;
		}
	}

	/** As the sign-in form would: a new session id, the context saved in the session. */
	private void signIn(SignedInUser user, Instant passEndsAt, HttpServletRequest request,
			HttpServletResponse response) {
		List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
		authorities.add(FactorGrantedAuthority.withFactor(passes.mode().secondFactor())
			.issuedAt(passEndsAt.minus(stepUpValidFor))
			.build());
		Authentication authentication = UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
		request.getSession();
		request.changeSessionId();
		TwoStepSession.forgetAttempt(request.getSession());
		// Devices and activity: this browser, its address and when it signed in.
		signInDetails.signedIn(request);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
	}

}
