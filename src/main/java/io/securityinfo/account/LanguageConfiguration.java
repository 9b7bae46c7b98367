package io.securityinfo.account;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Which language a page is in ({@link LanguageResolver}), and the switch that changes it ({@link LanguageSwitch}). */
@Configuration(proxyBeanMethods = false)
class LanguageConfiguration {

	/** Named as the dispatcher servlet looks it up ({@value DispatcherServlet#LOCALE_RESOLVER_BEAN_NAME}). */
	@Bean(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
	LanguageResolver localeResolver(ObjectProvider<Accounts> accounts) {
		return new LanguageResolver(accounts);
	}

	@Bean
	WebMvcConfigurer languageSwitch(LanguageResolver localeResolver,
			@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> handlers) {
		return new WebMvcConfigurer() {
			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(new LanguageSwitch(localeResolver, handlers));
			}
		};
	}

}
