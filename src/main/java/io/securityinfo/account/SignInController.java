package io.securityinfo.account;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class SignInController {

	@GetMapping("/login")
	String signIn(HttpSession session, Model model) {
		Object typed = session.getAttribute(SignInFailureHandler.EMAIL_ATTRIBUTE);
		if (typed != null) {
			session.removeAttribute(SignInFailureHandler.EMAIL_ATTRIBUTE);
			model.addAttribute("email", typed);
		}
		return "account/sign-in";
	}

}
