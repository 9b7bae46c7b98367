package io.securityinfo.passkey;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;
import org.springframework.stereotype.Component;

import io.securityinfo.AppProperties;
import io.securityinfo.policy.MethodPolicy;

/**
 * What the security configuration needs of passkeys: Spring Security's WebAuthn endpoints, of which the app uses
 * three: {@code POST /webauthn/register/options} (a registration prompt for the signed-in person),
 * {@code POST /webauthn/authenticate/options} (a sign-in prompt: any passkey on the sign-in page, the signed-in
 * person's own at a second step or step-up) and {@code POST /login/webauthn} (the answer, signing in through
 * {@link PasskeyAuthenticationProvider}). Registering, renaming and deleting are Security info's own pages; Spring
 * Security's registration endpoints ({@link #registrationEndpoints()}) are closed.
 */
@Component
public class PasskeySecurity {

	private static final Logger log = LoggerFactory.getLogger(PasskeySecurity.class);

	private final PasskeyAuthenticationProvider provider;

	private final AppProperties app;

	private final PasskeyProperties properties;

	private final PublicKeyCredentialCreationOptionsRepository creationOptions;

	PasskeySecurity(PublicKeyCredentialCreationOptionsRepository creationOptions, WebAuthnRelyingPartyOperations relyingParty, UserCredentialRepository credentials,
			UserDetailsService users, MethodPolicy policy, ApplicationEventPublisher events, Clock clock,
			AppProperties app, PasskeyProperties properties) {
		this.provider = new PasskeyAuthenticationProvider(relyingParty, credentials, users, policy, events, clock);
		this.app = app;
		this.properties = properties;
		this.creationOptions = creationOptions;
	}

	/** Spring Security's own registration and deletion, which would skip step-up, the cap and the audit. */
	public String[] registrationEndpoints() {
		return new String[] { "/webauthn/register", "/webauthn/register/*" };
	}

	/**
	 * Adds the WebAuthn filters. A passkey sign-in answers JSON (where to go next) through {@code signedIn}, and 401
	 * when refused; the session id changes as at a password sign-in.
	 */
	public void configure(HttpSecurity http, AuthenticationSuccessHandler signedIn) throws Exception {
		AuthenticationFailureHandler unauthorized = new AuthenticationEntryPointFailureHandler(
				new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED));
		AuthenticationFailureHandler refused = (request, response, exception) -> {
			log.info("Passkey sign-in refused: {}{}", exception.getMessage(),
					exception.getCause() == null ? "" : " (" + exception.getCause().getMessage() + ")");
			unauthorized.onAuthenticationFailure(request, response, exception);
		};
		http.webAuthn(webAuthn -> webAuthn.rpId(app.publicHost())
			.rpName(properties.relyingPartyName())
			.allowedOrigins(RelyingPartyOrigins.origin(app.publicUrl()))
			.disableDefaultRegistrationPage(true)
			.creationOptionsRepository(creationOptions)
			.withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
				@Override
				public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
					filter.setAuthenticationManager(new ProviderManager(provider));
					filter.setAuthenticationSuccessHandler(signedIn);
					filter.setAuthenticationFailureHandler(refused);
					filter.setSessionAuthenticationStrategy(new ChangeSessionIdAuthenticationStrategy());
					return filter;
				}
			}));
	}

}
