package io.securityinfo.account;

import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** "My Profile": the home page after sign-in. */
@Controller
class ProfileController {

	static final int RECENT_ACTIVITY_SHOWN = 5;

	private final RecentActivity recentActivity;

	ProfileController(RecentActivity recentActivity) {
		this.recentActivity = recentActivity;
	}

	@GetMapping("/")
	String profile(@CurrentUser SignedInUser user, Locale locale, Model model) {
		model.addAttribute("user", user);
		model.addAttribute("recentActivity", recentActivity.newest(user.id(), RECENT_ACTIVITY_SHOWN, locale));
		return "account/profile";
	}

}
