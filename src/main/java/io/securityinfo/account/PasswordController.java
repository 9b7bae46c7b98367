package io.securityinfo.account;

import java.util.Optional;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Change your password": the step after the first sign-in with a password an administrator chose, and open to
 * anyone signed in who wants a new one.
 */
@Controller
@RequestMapping(ChangeInitialPasswordStep.PAGE)
class PasswordController {

	private final Passwords passwords;

	PasswordController(Passwords passwords) {
		this.passwords = passwords;
	}

	@GetMapping
	String initPasswordForm(Model model) {
		model.addAttribute("passwordForm", new PasswordForm());
		return "account/password";
	}

	@PostMapping
	String processPasswordForm(@CurrentUser SignedInUser user,
			@Valid @ModelAttribute("passwordForm") PasswordForm form, BindingResult result, HttpSession session,
			RedirectAttributes redirect) {
		form.rejectMismatch(result);
		if (result.hasErrors()) {
			return "account/password";
		}
		Optional<PasswordRefusal> refusal = passwords.change(user.id(), form.getCurrentPassword(),
				form.getNewPassword(), session.getId());
		if (refusal.isPresent()) {
			result.rejectValue(refusal.get().field(), refusal.get().messageKey());
			return "account/password";
		}
		redirect.addFlashAttribute("notice", "password.changed");
		return "redirect:" + SignInSteps.continueUrl(session);
	}

}
