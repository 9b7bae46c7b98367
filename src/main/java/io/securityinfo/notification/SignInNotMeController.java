package io.securityinfo.notification;

import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.securityinfo.account.CurrentUser;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.sessions.SignInHistory;

/**
 * "This wasn't me" on one of the person's own sign-ins (My Profile → Devices and activity): a confirmation page,
 * then every other session ends and the person is sent to change their password.
 */
@Controller
@RequestMapping("/profile/devices/activity/{id}/not-me")
class SignInNotMeController {

	static final String PASSWORD_PAGE = "/account/password";

	private final SignInHistory history;

	private final SignInReports reports;

	SignInNotMeController(SignInHistory history, SignInReports reports) {
		this.history = history;
		this.reports = reports;
	}

	@GetMapping
	String initConfirmation(@CurrentUser SignedInUser user, @PathVariable long id, Model model) {
		model.addAttribute("signIn", signIn(user, id));
		return "notification/not-me-sign-in";
	}

	@PostMapping
	String processConfirmation(@CurrentUser SignedInUser user, @PathVariable long id, HttpSession session,
			RedirectAttributes redirect) {
		signIn(user, id);
		reports.report(user.id(), session.getId());
		redirect.addFlashAttribute("notice", "notme.sign-in.reported");
		return "redirect:" + PASSWORD_PAGE;
	}

	private SignInHistory.SignInStep signIn(SignedInUser user, long id) {
		return history.find(user.id(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
