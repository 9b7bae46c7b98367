package io.securityinfo.account;

import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The language switch on every page: a link such as {@code ?lang=nl} (a GET of the same page) makes that language
 * the page's and remembers it ({@link LanguageResolver#setLocale}). It also gives every page the languages to offer
 * ({@value #LANGUAGES}), which {@code fragments/language.html} shows.
 */
class LanguageSwitch implements HandlerInterceptor {

	static final String LANGUAGES = "languages";

	private final LanguageResolver resolver;

	LanguageSwitch(LanguageResolver resolver) {
		this.resolver = resolver;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		// Once per request: an error page's dispatch sees the parameters of the request it reports on.
		if ("GET".equals(request.getMethod()) && request.getDispatcherType() == DispatcherType.REQUEST) {
			String wanted = request.getParameter(LanguageResolver.PARAMETER);
			Language.ofTag(wanted == null ? null : wanted.strip())
				.ifPresent(language -> resolver.setLocale(request, response, language.locale()));
		}
		request.setAttribute(LANGUAGES, List.of(Language.values()));
		return true;
	}

}
