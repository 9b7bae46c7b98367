package io.securityinfo.system;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

/**
 * Answers the app's own "try again in a moment" page, 503 with {@code Retry-After}, when a request fails because
 * the database cannot be reached or the connection pool has no connection left within its time-out. It runs
 * outside the session store, which lives in the same database: without it, the error page's own dispatch failed on
 * the session too and the person got the servlet container's bare "HTTP Status 500" page. The page is rendered
 * for an anonymous visitor and reads nothing from the database or the session. Anything else that fails is left to
 * the usual error pages.
 */
class DatabaseUnavailableFilter extends OncePerRequestFilter {

	static final String VIEW = "error/503";

	/** Seconds a client is told to wait: about the time a pool or a database fail-over takes to come back. */
	static final String RETRY_AFTER_SECONDS = "30";

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

	private final ViewResolver views;

	private final LocaleResolver locales;

	DatabaseUnavailableFilter(ViewResolver views, LocaleResolver locales) {
		this.views = views;
		this.locales = locales;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			if (!isDatabaseUnavailable(ex)) {
				throw ex;
			}
			String failure = ex.getClass().getSimpleName() + " caused by " + rootCause(ex).getClass().getSimpleName();
			if (!response.isCommitted()) {
				log.warn("The database could not be reached for {} {}: {}", request.getMethod(),
						request.getRequestURI(), failure);
				unavailable(request, response);
			}
			else if (isRedirect(response)) {
				// The request's work is done and committed; only the session's last write at the end failed.
				log.warn("The database could not be reached after {} {} had answered; the redirect goes out: {}",
						request.getMethod(), request.getRequestURI(), failure);
			}
			else {
				throw ex;
			}
		}
	}

	/** The dispatch to the error page is the error page's own: a failure there is the container's to answer. */
	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return true;
	}

	private static boolean isRedirect(HttpServletResponse response) {
		return HttpStatus.valueOf(response.getStatus()).is3xxRedirection()
				&& response.containsHeader(HttpHeaders.LOCATION);
	}

	private void unavailable(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		response.reset();
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
		try {
			View view = views.resolveViewName(VIEW, locales.resolveLocale(request));
			if (view != null) {
				view.render(Map.of(), request, response);
				return;
			}
		}
		catch (Exception ex) {
			throw new ServletException("Could not render " + VIEW, ex);
		}
		throw new ServletException("No view " + VIEW);
	}

	/**
	 * Whether the failure, or any cause of it, says no connection to the database could be had: the pool's
	 * time-out, a refused or lost connection (SQL state class 08), or Spring's and Hibernate's wrappers of them.
	 */
	static boolean isDatabaseUnavailable(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
					|| cause instanceof DataAccessResourceFailureException
					|| cause instanceof CannotCreateTransactionException
					|| cause instanceof org.hibernate.exception.JDBCConnectionException) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	private static Throwable rootCause(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root;
	}

}
