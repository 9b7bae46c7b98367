package io.securityinfo;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The address of the client of the current request, which events and the audit log record as "from where". Behind
 * a proxy it is the proxy's, unless the server is configured to honour forwarded headers from trusted proxies.
 */
public final class ClientAddress {

	private ClientAddress() {
	}

	/** The current request's client address; null outside a request (housekeeping, a test's own thread). */
	public static String current() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			return attributes.getRequest().getRemoteAddr();
		}
		return null;
	}

}
