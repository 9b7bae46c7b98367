package io.securityinfo.securityinfo.campaign;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import io.securityinfo.account.CurrentUser;
import io.securityinfo.account.SignInSteps;
import io.securityinfo.account.SignedInUser;

/** The campaign's page after sign-in: why a stronger method, "Add it now", and "Not now" while it may be put off. */
@Controller
@RequestMapping(StrongerMethodCampaign.PAGE)
class StrongerMethodController {

	private final StrongerMethodCampaign campaign;

	StrongerMethodController(StrongerMethodCampaign campaign) {
		this.campaign = campaign;
	}

	@GetMapping
	String show(@CurrentUser SignedInUser user, HttpSession session, Model model) {
		StrongerMethodCampaign.Nudge nudge = campaign.decide(user.id());
		if (nudge.kind() == StrongerMethodCampaign.Kind.NONE) {
			return "redirect:" + SignInSteps.continueUrl(session);
		}
		model.addAttribute("nudge", nudge);
		return "securityinfo/stronger-method";
	}

	@PostMapping("/not-now")
	String notNow(@CurrentUser SignedInUser user, HttpSession session) {
		if (!campaign.postpone(user.id(), session)) {
			// Required by now: the page says so and offers no "Not now".
			return "redirect:" + StrongerMethodCampaign.PAGE;
		}
		return "redirect:" + SignInSteps.continueUrl(session);
	}

}
