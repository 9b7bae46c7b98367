package io.securityinfo.account;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/** After a failed sign-in, shows the sign-in page again with the email the person typed still filled in. */
public class SignInFailureHandler extends SimpleUrlAuthenticationFailureHandler {

	static final String EMAIL_ATTRIBUTE = SignInFailureHandler.class.getName() + ".email";

	private static final int MAX_EMAIL_LENGTH = 320;

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
		super.onAuthenticationFailure(request, response, exception);
	}

}
