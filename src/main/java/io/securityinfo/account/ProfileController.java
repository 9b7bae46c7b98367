package io.securityinfo.account;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** "My Profile": the home page after sign-in. */
@Controller
class ProfileController {

	@GetMapping("/")
	String profile(@CurrentUser SignedInUser user, Model model) {
		model.addAttribute("user", user);
		return "account/profile";
	}

}
