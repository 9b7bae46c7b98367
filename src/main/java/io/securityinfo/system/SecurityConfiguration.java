package io.securityinfo.system;

import java.io.IOException;
import java.time.Clock;
import java.util.List;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.authorization.EnableMultiFactorAuthentication;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.HttpMessageConverterAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

import io.securityinfo.AppProperties;
import io.securityinfo.account.SignInFailureHandler;
import io.securityinfo.account.SignInThrottle;
import io.securityinfo.account.SignInStep;
import io.securityinfo.account.SignInSteps;
import io.securityinfo.account.ThrottledPasswordCheck;
import io.securityinfo.passkey.PasskeySecurity;
import io.securityinfo.sessions.SignInDetails;
import io.securityinfo.twostep.TwoStepSecurity;

/*
 * Multi-factor authentication without global required factors: only the authentication filters' merging of
 * factors is switched on. Which factors a page needs depends on the person (the two-step policy, their methods) and
 * on the page (step-up before changes), so the rules below say it per page through TwoStepSecurity.
 */
@Configuration(proxyBeanMethods = false)
@EnableMultiFactorAuthentication(authorities = {})
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	static final String FORM_EXPIRED_ATTRIBUTE = "formExpired";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, List<SignInStep> signInSteps, AppProperties app,
			SessionLifetimeProperties sessions, Clock clock, Environment environment, TwoStepSecurity twoStep,
			PasskeySecurity passkeys,
			SignInDetails signInDetails) throws Exception {
		ManagementPortType managementPort = ManagementPortType.get(environment);
		SavedRequestAwareAuthenticationSuccessHandler signedIn = new SavedRequestAwareAuthenticationSuccessHandler() {
			@Override
			public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
					Authentication authentication) throws ServletException, IOException {
				request.getSession().setAttribute(SignInSteps.PENDING_ATTRIBUTE, Boolean.TRUE);
				signInDetails.signedIn(request);
				if (twoStep.signedInWithPassword(request.getSession(), authentication)) {
					// The page asked for stays saved: the challenge page leads there once the code is in.
					getRedirectStrategy().sendRedirect(request, response, twoStep.challengePage());
					return;
				}
				super.onAuthenticationSuccess(request, response, authentication);
			}
		};
		signedIn.setRequestCache(twoStep.requestCache());
		// A passkey signs in (or gives the second step) from a script, which is told where to go next. It is a
		// second factor itself, so the two-step decision finds nothing more to ask.
		HttpMessageConverterAuthenticationSuccessHandler toNextPage = new HttpMessageConverterAuthenticationSuccessHandler();
		toNextPage.setRequestCache(twoStep.requestCache());
		AuthenticationSuccessHandler signedInWithPasskey = (request, response, authentication) -> {
			request.getSession().setAttribute(SignInSteps.PENDING_ATTRIBUTE, Boolean.TRUE);
			signInDetails.signedIn(request);
			twoStep.signedInWithPassword(request.getSession(), authentication);
			toNextPage.onAuthenticationSuccess(request, response, authentication);
		};
		http.authorizeHttpRequests(requests -> managementEndpoints(requests, managementPort, twoStep)
			.requestMatchers("/login", "/login/temporary-access-pass", "/password-reset", "/password-reset/**",
					"/not-me/**", "/css/**", "/images/**", "/js/**",
					"/favicon.ico", "/error")
			.permitAll()
			.requestMatchers(passkeys.registrationEndpoints())
			.denyAll()
			// The console gateways' outbox answers only a browser on the machine itself (LocalRequests), signed in
			// or not, and is not there for anyone else.
			.requestMatchers("/dev/outbox", "/bench/outbox")
			.permitAll()
			// The challenge page comes before the second factor.
			.requestMatchers(twoStep.challengePages())
			.authenticated()
			.requestMatchers("/admin", "/admin/**")
			.access(twoStep.admin())
			// Security info: the overview and the registration interrupt's own pages need no fresh factor; adding,
			// changing and deleting (every other page under it) do.
			.requestMatchers("/security-info", "/security-info/interrupt", "/security-info/interrupt/**")
			.access(twoStep.signedIn())
			// So does a new password, from My Profile or the first one after an administrator chose it.
			.requestMatchers("/security-info/**", "/account/password")
			.access(twoStep.stepUp())
			.anyRequest()
			.access(twoStep.signedIn()))
			.formLogin(form -> form.loginPage("/login")
				.usernameParameter("email")
				.failureHandler(new SignInFailureHandler())
				.successHandler(signedIn))
			.addFilterBefore(new SessionLifetimeFilter(clock, sessions.absoluteLifetime()),
					SecurityContextHolderFilter.class)
			.addFilterAfter(new SignInStepsFilter(signInSteps), AuthorizationFilter.class)
			.addFilterAfter(new AdminRoleFilter(twoStep.admin()), AuthorizationFilter.class)
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
			.exceptionHandling(exceptions -> exceptions.defaultAccessDeniedHandlerFor(SecurityConfiguration::denied,
					AnyRequestMatcher.INSTANCE))
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
				.httpStrictTransportSecurity(hsts -> strictTransportSecurity(hsts, app)));
		twoStep.configure(http);
		passkeys.configure(http, signedInWithPasskey);
		return http.build();
	}

	/**
	 * Behind TLS (an https public URL) HSTS is sent on every response, whether or not the request reached the app
	 * as HTTPS: a proxy that terminates TLS may not say so, and browsers ignore the header on plain HTTP anyway.
	 * Without TLS it is never sent, so that a trial on http://localhost does not pin the browser to HTTPS.
	 */
	private static void strictTransportSecurity(HeadersConfigurer<HttpSecurity>.HstsConfig hsts, AppProperties app) {
		if (app.isHttps()) {
			hsts.requestMatcher(AnyRequestMatcher.INSTANCE);
		}
		else {
			hsts.disable();
		}
	}

	/**
	 * Who reaches the Actuator endpoints. On the application's port: anyone gets the health summary (UP or DOWN,
	 * for load balancers; its details only for administrators, see {@code management.endpoint.health.roles} and
	 * {@link AdminRoleFilter}), and only administrators get the rest, such as the Prometheus scrape; both by the
	 * admin pages' rule, second factor included. On a management port of its own
	 * ({@code management.server.port}), which the operator keeps off the public network, every exposed endpoint is
	 * open, so a scraper needs no sign-in; these matchers then match only requests to that port.
	 */
	private static AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry managementEndpoints(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
			ManagementPortType managementPort, TwoStepSecurity twoStep) {
		if (managementPort == ManagementPortType.DIFFERENT) {
			return requests.requestMatchers(EndpointRequest.toAnyEndpoint()).permitAll();
		}
		return requests.requestMatchers(EndpointRequest.to(HealthEndpoint.class))
			.permitAll()
			.requestMatchers(EndpointRequest.toAnyEndpoint())
			.access(twoStep.admin());
	}

	/**
	 * A refused form post is nearly always a page left open past the session's end, not an attack; the 403 page
	 * then says so instead of "you don't have access".
	 */
	private static void denied(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		if (ex instanceof CsrfException) {
			request.setAttribute(FORM_EXPIRED_ATTRIBUTE, true);
		}
		response.sendError(HttpServletResponse.SC_FORBIDDEN);
	}

	/**
	 * Passwords, as Spring Boot would check them, with the password factor stamped by the application's clock: the
	 * step-up rule compares it with that clock ("the password within the last ten minutes"); each attempt counted
	 * by the sign-in throttle first, and not checked at all while the email or the client address is locked.
	 */
	@Bean
	ThrottledPasswordCheck passwordAuthenticationProvider(UserDetailsService users, PasswordEncoder encoder,
			Clock clock, SignInThrottle throttle, ApplicationEventPublisher events) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users) {
			@Override
			protected Authentication createSuccessAuthentication(Object principal, Authentication authentication,
					UserDetails user) {
				return super.createSuccessAuthentication(principal, authentication, user).toBuilder()
					.authorities(authorities -> {
						authorities.removeIf(granted -> FactorGrantedAuthority.PASSWORD_AUTHORITY
							.equals(granted.getAuthority()));
						authorities.add(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
							.issuedAt(clock.instant())
							.build());
					})
					.build();
			}
		};
		provider.setPasswordEncoder(encoder);
		return new ThrottledPasswordCheck(provider, users, throttle, encoder, events);
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
