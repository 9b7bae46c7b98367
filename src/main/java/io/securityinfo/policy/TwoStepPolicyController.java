package io.securityinfo.policy;

import jakarta.validation.Valid;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.securityinfo.groups.Groups;
import io.securityinfo.account.CurrentUser;
import io.securityinfo.account.SignedInUser;

/** "Two-step verification": require a second factor at sign-in, for all users or for groups. */
@Controller
@RequestMapping("/admin/two-step")
class TwoStepPolicyController {

	private final TwoStepPolicy twoStepPolicy;

	private final Groups groups;

	TwoStepPolicyController(TwoStepPolicy twoStepPolicy, Groups groups) {
		this.twoStepPolicy = twoStepPolicy;
		this.groups = groups;
	}

	@GetMapping
	String initForm(Model model) {
		model.addAttribute("twoStepPolicyForm", TwoStepPolicyForm.of(twoStepPolicy.current()));
		return view(model);
	}

	@PostMapping
	String processForm(@CurrentUser SignedInUser admin,
			@Valid @ModelAttribute("twoStepPolicyForm") TwoStepPolicyForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		form.rejectGroups(form.isRequired(), groups, result, "policy.two-step.groups.required");
		if (result.hasErrors()) {
			return view(model);
		}
		try {
			twoStepPolicy.save(admin.id(), form.toRules());
		}
		catch (DataIntegrityViolationException ex) {
			// A group chosen was deleted in the meantime.
			form.rejectDeletedGroups(result);
			return view(model);
		}
		redirect.addFlashAttribute("notice", "policy.two-step.saved");
		return "redirect:/admin/two-step";
	}

	private String view(Model model) {
		model.addAttribute("groups", groups.list());
		return "policy/two-step";
	}

}
