package io.securityinfo.account;

import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The language switch on every page: a link such as {@code ?lang=nl} (a GET of the same page) makes that language
 * the page's and remembers it ({@link LanguageResolver#setLocale}). It also gives every page the languages to offer
 * ({@value #LANGUAGES}), which {@code fragments/language.html} shows, and the page the switch links to
 * ({@value #SWITCH_PATH}): empty (this same page) on a GET; on a page rendered from a POST (a form shown again with
 * its errors) the nearest path, this one or a parent, that answers a GET, since a link to a POST-only path is a 405.
 */
class LanguageSwitch implements HandlerInterceptor {

	static final String LANGUAGES = "languages";

	static final String SWITCH_PATH = "languageSwitchPath";

	private final LanguageResolver resolver;

	private final ObjectProvider<RequestMappingHandlerMapping> handlers;

	LanguageSwitch(LanguageResolver resolver, ObjectProvider<RequestMappingHandlerMapping> handlers) {
		this.resolver = resolver;
		this.handlers = handlers;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		boolean get = "GET".equals(request.getMethod());
		// Once per request: an error page's dispatch sees the parameters of the request it reports on.
		if (get && request.getDispatcherType() == DispatcherType.REQUEST) {
			String wanted = request.getParameter(LanguageResolver.PARAMETER);
			Language.ofTag(wanted == null ? null : wanted.strip())
				.ifPresent(language -> resolver.setLocale(request, response, language.locale()));
		}
		request.setAttribute(LANGUAGES, List.of(Language.values()));
		if (request.getAttribute(SWITCH_PATH) == null) {
			request.setAttribute(SWITCH_PATH, get ? "" : request.getContextPath() + pageToGet(request));
		}
		return true;
	}

	/** The request's path, or its nearest parent, that a GET reaches; "/" when none does. */
	private String pageToGet(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		RequestMappingHandlerMapping mapping = this.handlers.getIfAvailable();
		while (mapping != null && path.length() > 1) {
			if (answersGet(mapping, new GetOf(request, path))) {
				return path;
			}
			path = path.substring(0, Math.max(path.lastIndexOf('/'), 1));
		}
		return "/";
	}

	private static boolean answersGet(RequestMappingHandlerMapping mapping, HttpServletRequest get) {
		try {
			return mapping.getHandler(get) != null;
		}
		catch (Exception noGet) {
			return false;
		}
	}

	/** A GET of another path of the app, with attributes of its own so that looking it up leaves the request be. */
	private static final class GetOf extends HttpServletRequestWrapper {

		private final String path;

		private final Map<String, Object> attributes = new HashMap<>();

		GetOf(HttpServletRequest request, String path) {
			super(request);
			this.path = path;
		}

		@Override
		public String getMethod() {
			return "GET";
		}

		@Override
		public String getRequestURI() {
			return getContextPath() + this.path;
		}

		@Override
		public StringBuffer getRequestURL() {
			return new StringBuffer(getRequestURI());
		}

		@Override
		public String getServletPath() {
			return this.path;
		}

		@Override
		public String getPathInfo() {
			return null;
		}

		@Override
		public String getQueryString() {
			return null;
		}

		@Override
		public DispatcherType getDispatcherType() {
			return DispatcherType.REQUEST;
		}

		@Override
		public Object getAttribute(String name) {
			return this.attributes.get(name);
		}

		@Override
		public Enumeration<String> getAttributeNames() {
			return Collections.enumeration(this.attributes.keySet());
		}

		@Override
		public void setAttribute(String name, Object value) {
			this.attributes.put(name, value);
		}

		@Override
		public void removeAttribute(String name) {
			this.attributes.remove(name);
		}

	}

}
