package io.securityinfo.system;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import io.securityinfo.account.SignInFailureHandler;
import io.securityinfo.account.SignInStep;
import io.securityinfo.account.SignInSteps;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	static final String FORM_EXPIRED_ATTRIBUTE = "formExpired";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, List<SignInStep> signInSteps) throws Exception {
		SavedRequestAwareAuthenticationSuccessHandler signedIn = new SavedRequestAwareAuthenticationSuccessHandler() {
			@Override
			public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
					Authentication authentication) throws ServletException, IOException {
				request.getSession().setAttribute(SignInSteps.PENDING_ATTRIBUTE, Boolean.TRUE);
				super.onAuthenticationSuccess(request, response, authentication);
			}
		};
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/login", "/css/**", "/images/**", "/favicon.ico", "/error", "/actuator/health")
			.permitAll()
			.requestMatchers("/admin", "/admin/**")
			.hasRole("ADMIN")
			.anyRequest()
			.authenticated())
			.formLogin(form -> form.loginPage("/login")
				.usernameParameter("email")
				.failureHandler(new SignInFailureHandler())
				.successHandler(signedIn))
			.addFilterAfter(new SignInStepsFilter(signInSteps), AuthorizationFilter.class)
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
			.exceptionHandling(exceptions -> exceptions.accessDeniedHandler(SecurityConfiguration::denied))
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
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

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
