package io.securityinfo.twostep;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.savedrequest.SimpleSavedRequest;

/**
 * Where to go back after a factor was asked for. A page is simply opened again; a form post cannot be replayed,
 * so after a refused post the person goes back to the page the form was on (the same-site Referer), or to
 * Security info when the browser did not say.
 * <p>
 * Either way what is remembered is a path on this site ({@link LocalPaths}), and the way back is a relative
 * redirect: Spring Security's own saved request would redirect to an absolute URL built from the request's Host
 * header.
 */
class FormPageRequestCache extends HttpSessionRequestCache {

	static final String FALLBACK = "/security-info";

	private static final String SAVED_REQUEST = "SPRING_SECURITY_SAVED_REQUEST";

	/** Marks the request that goes back to the saved page, as Spring Security's cache does. */
	private static final String CONTINUE = "continue";

	FormPageRequestCache() {
		setSessionAttrName(SAVED_REQUEST);
	}

	@Override
	public void saveRequest(HttpServletRequest request, HttpServletResponse response) {
		if ("GET".equals(request.getMethod())) {
			// An image the page asked for (the QR code) is not where the person was going.
			String page = pathAndQuery(request);
			if (!request.getRequestURI().matches(".*\\.(png|ico|svg|css|js)$") && LocalPaths.isLocal(page)) {
				String query = request.getQueryString();
				String back = page + ((query == null || query.isEmpty()) ? "?" : "&") + CONTINUE;
				request.getSession().setAttribute(SAVED_REQUEST, new SimpleSavedRequest(back));
			}
		}
		else if ("POST".equals(request.getMethod())) {
			request.getSession().setAttribute(SAVED_REQUEST, new SimpleSavedRequest(formPage(request)));
		}
	}

	/**
	 * The request that goes back to the saved page ends its saving. It is served as it came: a page's own request
	 * is all it needs.
	 */
	@Override
	public HttpServletRequest getMatchingRequest(HttpServletRequest request, HttpServletResponse response) {
		String query = request.getQueryString();
		if (query == null || Arrays.stream(query.split("&"))
			.noneMatch(parameter -> parameter.equals(CONTINUE) || parameter.startsWith(CONTINUE + "="))) {
			return null;
		}
		SavedRequest saved = getRequest(request, response);
		if (saved != null && saved.getRedirectUrl().equals(pathAndQuery(request))) {
			removeRequest(request, response);
		}
		return null;
	}

	private static String pathAndQuery(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String query = request.getQueryString();
		return (query == null || query.isEmpty()) ? path : path + "?" + query;
	}

	private static String formPage(HttpServletRequest request) {
		String referer = request.getHeader("Referer");
		if (referer == null) {
			return FALLBACK;
		}
		try {
			URI uri = new URI(referer);
			String path = uri.getRawPath();
			String contextPath = request.getContextPath();
			if (!request.getServerName().equalsIgnoreCase(uri.getHost()) || path == null
					|| !path.startsWith(contextPath + "/")) {
				return FALLBACK;
			}
			String page = path.substring(contextPath.length());
			page = uri.getRawQuery() == null ? page : page + "?" + uri.getRawQuery();
			return LocalPaths.isLocal(page) ? page : FALLBACK;
		}
		catch (URISyntaxException ex) {
			return FALLBACK;
		}
	}

}
