package io.securityinfo.securityinfo.temporaryaccesspass;

import java.time.ZoneOffset;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;

import io.securityinfo.account.AccountSummary;
import io.securityinfo.account.Accounts;
import io.securityinfo.account.CurrentUser;
import io.securityinfo.account.SignedInUser;

/**
 * Admin → Users → a person → "Temporary Access Pass": the person's pass (when it starts and ends, one-time or not,
 * whether it is used) with Delete, or the form that creates one; the new pass is shown once, in the answer to the
 * post that created it (never kept where it could be read again).
 */
@Controller
@RequestMapping(TemporaryAccessPassController.PAGE)
class TemporaryAccessPassController {

	static final String PAGE = "/admin/users/{id}/temporary-access-pass";

	private static final String FORM = "passForm";

	private final TemporaryAccessPasses passes;

	private final Accounts accounts;

	private final Clock clock;

	TemporaryAccessPassController(TemporaryAccessPasses passes, Accounts accounts, Clock clock) {
		this.passes = passes;
		this.accounts = accounts;
		this.clock = clock;
	}

	@ModelAttribute("person")
	AccountSummary person(@PathVariable long id) {
		return accounts.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	@GetMapping
	String initCreationForm(@PathVariable long id, Model model) {
		model.addAttribute(FORM, TemporaryAccessPassForm.proposed(passes.rules()));
		return view(id, model);
	}

	@PostMapping
	String processCreationForm(@CurrentUser SignedInUser admin, @PathVariable long id,
			@Valid @ModelAttribute(FORM) TemporaryAccessPassForm form, BindingResult result, Model model) {
		if (form.isStartLater() && form.getStartsAt() == null) {
			result.rejectValue("startsAt", "accesspass.create.start-missing");
		}
		if (result.hasErrors()) {
			return view(id, model);
		}
		try {
			String pass = passes.create(admin.id(), id, form.getLifetimeMinutes(),
					form.isStartLater() ? form.getStartsAt().toInstant(ZoneOffset.UTC) : null, form.isOneTime());
			model.addAttribute("pass", pass);
			model.addAttribute("current", passes.current(id).orElseThrow());
			return "securityinfo/temporary-access-pass-created";
		}
		catch (TemporaryAccessPasses.PassRefusedException ex) {
			String field = switch (ex.messageKey()) {
				case "accesspass.create.lifetime" -> "lifetimeMinutes";
				case "accesspass.create.start-past" -> "startsAt";
				default -> null;
			};
			if (field == null) {
				result.reject(ex.messageKey());
			}
			else {
				result.rejectValue(field, ex.messageKey(), new Object[] { passes.rules().minLifetimeMinutes(),
						passes.rules().maxLifetimeMinutes() }, null);
			}
			return view(id, model);
		}
	}

	@PostMapping("/delete")
	String delete(@CurrentUser SignedInUser admin, @PathVariable long id, RedirectAttributes redirect) {
		if (passes.delete(admin.id(), id)) {
			redirect.addFlashAttribute("notice", "accesspass.deleted");
		}
		return "redirect:/admin/users/" + id + "/temporary-access-pass";
	}

	private String view(long id, Model model) {
		TemporaryAccessPassRules rules = passes.rules();
		passes.current(id).ifPresent(current -> {
			model.addAttribute("current", current);
			model.addAttribute("state", current.state(clock.instant()));
		});
		model.addAttribute("rules", rules);
		model.addAttribute("allowed", passes.isAllowed(id));
		return "securityinfo/temporary-access-pass";
	}

}
