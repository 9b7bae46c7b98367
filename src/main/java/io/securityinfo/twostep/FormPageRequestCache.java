package io.securityinfo.twostep;

import java.net.URI;
import java.net.URISyntaxException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SimpleSavedRequest;

/**
 * Where to go back after a factor was asked for. A page is simply opened again; a form post cannot be replayed,
 * so after a refused post the person goes back to the page the form was on (the same-site Referer), or to
 * Security info when the browser did not say.
 */
class FormPageRequestCache extends HttpSessionRequestCache {

	static final String FALLBACK = "/security-info";

	private static final String SAVED_REQUEST = "SPRING_SECURITY_SAVED_REQUEST";

	FormPageRequestCache() {
		setSessionAttrName(SAVED_REQUEST);
	}

	@Override
	public void saveRequest(HttpServletRequest request, HttpServletResponse response) {
		if ("GET".equals(request.getMethod())) {
			// An image the page asked for (the QR code) is not where the person was going.
			if (!request.getRequestURI().matches(".*\\.(png|ico|svg|css|js)$")) {
				super.saveRequest(request, response);
			}
		}
		else if ("POST".equals(request.getMethod())) {
			request.getSession().setAttribute(SAVED_REQUEST, new SimpleSavedRequest(formPage(request)));
		}
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
			return uri.getRawQuery() == null ? page : page + "?" + uri.getRawQuery();
		}
		catch (URISyntaxException ex) {
			return FALLBACK;
		}
	}

}
