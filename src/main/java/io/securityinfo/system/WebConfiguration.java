package io.securityinfo.system;

import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	/**
	 * The languages the messages files are written in. Pages are in the browser's language when it is one of
	 * these, else in English; add a locale here together with its messages file.
	 */
	static final List<Locale> SUPPORTED_LANGUAGES = List.of(Locale.ENGLISH);

	@Bean
	LocaleResolver localeResolver() {
		AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
		resolver.setSupportedLocales(SUPPORTED_LANGUAGES);
		resolver.setDefaultLocale(Locale.ENGLISH);
		return resolver;
	}

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
	 * that this filter answers for when it cannot be reached.
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
