package io.securityinfo.sms.twilio;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The webhook's own filter chain, ahead of the app's: it matches only {@value StatusCallback#PATH}, lets its
 * POSTs through without a session or a CSRF token, and refuses every other method there. Twilio has neither a
 * session nor a token; it proves itself by the signature the controller checks. Kept here rather than in the
 * app's security configuration so that the exception exists only while Twilio is the gateway.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnTwilioGateway
class StatusCallbackSecurity {

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain twilioStatusCallbackFilterChain(HttpSecurity http) throws Exception {
		http.securityMatcher(StatusCallback.PATH)
			.authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.POST, StatusCallback.PATH)
				.permitAll()
				.anyRequest()
				.denyAll())
			.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(AbstractHttpConfigurer::disable);
		return http.build();
	}

}
