package io.securityinfo.sessions;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import io.securityinfo.account.CurrentUser;
import io.securityinfo.account.SignedInUser;

/** "Lost device? Sign out everywhere", linked from Security info: a confirmation page, then every session ends. */
@Controller
@RequestMapping(SignOutEverywhereController.PAGE)
class SignOutEverywhereController {

	static final String PAGE = "/sign-out-everywhere";

	static final String SIGNED_OUT_PAGE = "/login?signedOutEverywhere";

	private final Sessions sessions;

	SignOutEverywhereController(Sessions sessions) {
		this.sessions = sessions;
	}

	@GetMapping
	String initConfirmation() {
		return "sessions/sign-out-everywhere";
	}

	@PostMapping
	String processConfirmation(@CurrentUser SignedInUser user, Authentication authentication,
			HttpServletRequest request, HttpServletResponse response) {
		sessions.signOutEverywhere(user.id());
		// This session may be gone from the database already; ending it in the request as well means the response
		// clears the cookie and nothing writes the session back.
		new SecurityContextLogoutHandler().logout(request, response, authentication);
		return "redirect:" + SIGNED_OUT_PAGE;
	}

}
