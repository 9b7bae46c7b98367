package io.securityinfo.system;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id that each log line written for it carries ({@code [%X{requestId}]} in the logging
 * pattern) and that the response returns in {@code X-Request-Id}, so a person's report, the proxy's access log and
 * the app's log of every instance can be matched up. An id the proxy sends is kept when it is safe to write into
 * a log line — at most 64 letters, digits and dashes — and replaced otherwise, so a client cannot forge log lines.
 */
class RequestIdFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Request-Id";

	static final String MDC_KEY = "requestId";

	private static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".ID";

	private static final Pattern VALID = Pattern.compile("[A-Za-z0-9-]{1,64}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String requestId = (request.getAttribute(ATTRIBUTE) instanceof String id) ? id
				: requestId(request.getHeader(HEADER));
		request.setAttribute(ATTRIBUTE, requestId);
		MDC.put(MDC_KEY, requestId);
		response.setHeader(HEADER, requestId);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(MDC_KEY);
		}
	}

	/**
	 * The dispatch to the error page runs the filter again, after the request's own pass has ended; it takes the
	 * id kept in the request, so the error page's log lines and the response carry the id of the request that
	 * failed.
	 */
	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	static String requestId(String incoming) {
		if (incoming != null && VALID.matcher(incoming).matches()) {
			return incoming;
		}
		return UUID.randomUUID().toString();
	}

}
