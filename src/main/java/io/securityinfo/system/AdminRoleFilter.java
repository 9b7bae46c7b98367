package io.securityinfo.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes the servlet API's {@code isUserInRole("ADMIN")} answer by the admin pages' rule (the role, and the second
 * factor of an administrator who has a method to give it with). Actuator asks it to decide who sees health
 * details ({@code management.endpoint.health.roles=ADMIN}); without this, the role alone, from the password alone,
 * would do.
 */
class AdminRoleFilter extends OncePerRequestFilter {

	private final AuthorizationManager<RequestAuthorizationContext> admin;

	AdminRoleFilter(AuthorizationManager<RequestAuthorizationContext> admin) {
		this.admin = admin;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(new HttpServletRequestWrapper(request) {
			@Override
			public boolean isUserInRole(String role) {
				if (!super.isUserInRole(role)) {
					return false;
				}
				if (!"ADMIN".equals(role) && !"ROLE_ADMIN".equals(role)) {
					return true;
				}
				Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
				return authentication != null
						&& admin.authorize(() -> authentication, new RequestAuthorizationContext(request)).isGranted();
			}
		}, response);
	}

}
