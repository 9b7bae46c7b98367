package io.securityinfo.securityinfo.temporaryaccesspass;

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

/**
 * Admin → Authentication methods → "Temporary Access Pass settings": the shortest and longest lifetime, the
 * lifetime proposed, the length, one-time by default. Who may use a pass is the switch on Authentication methods.
 */
@Controller
@RequestMapping(TemporaryAccessPassSettingsController.PAGE)
class TemporaryAccessPassSettingsController {

	static final String PAGE = "/admin/methods/temporary-access-pass";

	private static final String FORM = "settingsForm";

	private final TemporaryAccessPasses passes;

	TemporaryAccessPassSettingsController(TemporaryAccessPasses passes) {
		this.passes = passes;
	}

	@GetMapping
	String initUpdateForm(Model model) {
		model.addAttribute(FORM, TemporaryAccessPassSettingsForm.of(passes.rules()));
		return "securityinfo/temporary-access-pass-settings";
	}

	@PostMapping
	String processUpdateForm(@CurrentUser SignedInUser admin, @Valid @ModelAttribute(FORM) TemporaryAccessPassSettingsForm form, BindingResult result,
			RedirectAttributes redirect) {
		if (form.getMinLifetimeMinutes() != null && form.getMaxLifetimeMinutes() != null
				&& form.getDefaultLifetimeMinutes() != null) {
			if (form.getMinLifetimeMinutes() > form.getMaxLifetimeMinutes()) {
				result.rejectValue("maxLifetimeMinutes", "accesspass.settings.max-below-min");
			}
			else if (form.getDefaultLifetimeMinutes() < form.getMinLifetimeMinutes()
					|| form.getDefaultLifetimeMinutes() > form.getMaxLifetimeMinutes()) {
				result.rejectValue("defaultLifetimeMinutes", "accesspass.settings.default-outside");
			}
		}
		if (result.hasErrors()) {
			return "securityinfo/temporary-access-pass-settings";
		}
		passes.saveRules(admin.id(), form.rules());
		redirect.addFlashAttribute("notice", "accesspass.settings.saved");
		return "redirect:" + PAGE;
	}

}
