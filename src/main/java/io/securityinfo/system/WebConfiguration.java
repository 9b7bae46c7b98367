package io.securityinfo.system;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ViewResolver;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	/** The connection's own address on every request, for {@link LocalRequests}. */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> peerAddressValve() {
		return factory -> factory.addEngineValves(new PeerAddressValve());
	}

	/** First of all filters, so that every log line of a request, the security filters' included, has its id. */
	@Bean
	FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
		FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/**
	 * Next after the request id, outside the session store and the security filters, which both need the database
	 * that this filter answers for when it cannot be reached. Its page is in the language the locale resolver
	 * (account's LanguageResolver) chooses without them: the switch's cookie or the browser's.
	 */
	@Bean
	FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter(
			@Qualifier("thymeleafViewResolver") ViewResolver views, LocaleResolver locales) {
		FilterRegistrationBean<DatabaseUnavailableFilter> registration = new FilterRegistrationBean<>(
				new DatabaseUnavailableFilter(views, locales));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

}
