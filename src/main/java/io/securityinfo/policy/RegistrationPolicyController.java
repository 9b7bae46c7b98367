package io.securityinfo.policy;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.securityinfo.account.CurrentUser;
import io.securityinfo.account.SignedInUser;

/** "Registration": whether people must register security info when they sign in. */
@Controller
@RequestMapping("/admin/registration")
class RegistrationPolicyController {

	private final RegistrationPolicy registrationPolicy;

	RegistrationPolicyController(RegistrationPolicy registrationPolicy) {
		this.registrationPolicy = registrationPolicy;
	}

	@GetMapping
	String initForm(Model model) {
		model.addAttribute("registrationPolicyForm", RegistrationPolicyForm.of(registrationPolicy.current()));
		return "policy/registration";
	}

	@PostMapping
	String processForm(@CurrentUser SignedInUser admin,
			@Valid @ModelAttribute("registrationPolicyForm") RegistrationPolicyForm form, BindingResult result,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return "policy/registration";
		}
		registrationPolicy.save(admin.id(), form.toRules());
		redirect.addFlashAttribute("notice", "policy.registration.saved");
		return "redirect:/admin/registration";
	}

}
