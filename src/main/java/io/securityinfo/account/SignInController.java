package io.securityinfo.account;

import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class SignInController {

	@GetMapping("/login")
	String signIn(HttpSession session, @AuthenticationPrincipal Object principal, Model model) {
		// Asked again for the password before a change: the person signed in is the one to confirm it.
		if (principal instanceof SignedInUser user) {
			model.addAttribute("email", user.email());
		}
		Object typed = session.getAttribute(SignInFailureHandler.EMAIL_ATTRIBUTE);
		if (typed != null) {
			session.removeAttribute(SignInFailureHandler.EMAIL_ATTRIBUTE);
			model.addAttribute("email", typed);
		}
		return "account/sign-in";
	}

}
