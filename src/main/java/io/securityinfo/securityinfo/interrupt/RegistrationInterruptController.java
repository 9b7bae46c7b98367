package io.securityinfo.securityinfo.interrupt;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import io.securityinfo.securityinfo.SecurityInfo;
import io.securityinfo.account.CurrentUser;
import io.securityinfo.account.SignInSteps;
import io.securityinfo.account.SignedInUser;

/** The pages of {@link RegistrationInterrupt}. */
@Controller
@RequestMapping(RegistrationInterrupt.PAGE)
class RegistrationInterruptController {

	private final RegistrationInterrupt interrupt;

	private final SecurityInfo securityInfo;

	RegistrationInterruptController(RegistrationInterrupt interrupt, SecurityInfo securityInfo) {
		this.interrupt = interrupt;
		this.securityInfo = securityInfo;
	}

	@GetMapping
	String show(@CurrentUser SignedInUser user, HttpSession session, Model model) {
		RegistrationInterrupt.Decision decision = interrupt.decide(user.id());
		switch (decision.kind()) {
			case REGISTER -> {
				interrupt.markPrompted(user.id());
				RegistrationInterrupt.markAsked(session);
				model.addAttribute("decision", interrupt.decide(user.id()));
				model.addAttribute("methodCount", securityInfo.count(user.id()));
				return "securityinfo/interrupt-register";
			}
			case RECONFIRM -> {
				RegistrationInterrupt.markAsked(session);
				model.addAttribute("overview", securityInfo.overview(user.id()));
				return "securityinfo/interrupt-reconfirm";
			}
			default -> {
				return "redirect:" + SignInSteps.continueUrl(session);
			}
		}
	}

	@PostMapping("/skip")
	String skip(@CurrentUser SignedInUser user, HttpSession session) {
		if (!interrupt.skip(user.id(), session)) {
			return "redirect:" + RegistrationInterrupt.PAGE;
		}
		RegistrationInterrupt.clearAsked(session);
		return "redirect:" + SignInSteps.continueUrl(session);
	}

	@PostMapping("/confirm")
	String confirm(@CurrentUser SignedInUser user, HttpSession session) {
		if (interrupt.decide(user.id()).kind() != RegistrationInterrupt.Kind.RECONFIRM) {
			return "redirect:" + RegistrationInterrupt.PAGE;
		}
		interrupt.confirm(user.id());
		RegistrationInterrupt.clearAsked(session);
		return "redirect:" + SignInSteps.continueUrl(session);
	}

	/** "Done" after adding a method while registration was asked for: on to the next method, or onwards. */
	@GetMapping("/continue")
	String continueAfterAdding(@CurrentUser SignedInUser user, HttpSession session) {
		RegistrationInterrupt.Decision decision = interrupt.decide(user.id());
		if (decision.kind() == RegistrationInterrupt.Kind.REGISTER) {
			return "redirect:" + RegistrationInterrupt.PAGE;
		}
		if (securityInfo.count(user.id()) >= decision.methodsRequired()) {
			interrupt.confirm(user.id());
		}
		RegistrationInterrupt.clearAsked(session);
		return "redirect:" + SignInSteps.continueUrl(session);
	}

}
