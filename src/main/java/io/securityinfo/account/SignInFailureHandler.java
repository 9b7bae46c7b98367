package io.securityinfo.account;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * After a failed sign-in, shows the sign-in page again with the email the person typed still filled in, saying
 * either that the email and password don't match or, for an attempt refused by {@link SignInThrottle}, that there
 * were too many: the same for every email, an account's or not.
 */
public class SignInFailureHandler extends SimpleUrlAuthenticationFailureHandler {

	static final String EMAIL_ATTRIBUTE = SignInFailureHandler.class.getName() + ".email";

	private static final int MAX_EMAIL_LENGTH = 320;

	static final String THROTTLED_URL = "/login?throttled";

	public SignInFailureHandler() {
		super("/login?error");
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, ServletException {
		String email = request.getParameter("email");
		if (email != null && email.length() <= MAX_EMAIL_LENGTH) {
			request.getSession().setAttribute(EMAIL_ATTRIBUTE, email);
		}
		if (exception instanceof SignInThrottledException) {
			getRedirectStrategy().sendRedirect(request, response, THROTTLED_URL);
			return;
		}
		super.onAuthenticationFailure(request, response, exception);
	}

}
