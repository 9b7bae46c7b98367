package io.securityinfo.system;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The error page is where the container forwards a failed request; asked for directly, it has no error to show and
 * would answer "500 Something went wrong". A direct request for it is answered as the page it is not: 404.
 */
@Component
class DirectErrorPageFilter extends OncePerRequestFilter {

	private final String errorPath;

	DirectErrorPageFilter(@Value("${server.error.path:/error}") String errorPath) {
		this.errorPath = errorPath;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (request.getDispatcherType() == DispatcherType.REQUEST && (path.equals(errorPath)
				|| path.startsWith(errorPath + "/") || path.startsWith(errorPath + ";"))) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		chain.doFilter(request, response);
	}

}
