package io.securityinfo.securityinfo;

import java.util.HashSet;
import java.util.Set;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.securityinfo.account.CurrentUser;
import io.securityinfo.account.SignedInUser;

/** "Security info": the list of methods, adding one, the default sign-in method and deleting. */
@Controller
@RequestMapping("/security-info")
class SecurityInfoController {

	private static final String REMOVED_METHODS = SecurityInfoController.class.getName() + ".removedMethods";

	private static final String ALREADY_REMOVED = "securityinfo/already-removed";

	private final SecurityInfo securityInfo;

	private final AdministratorSetPhones administratorSetPhones;

	SecurityInfoController(SecurityInfo securityInfo, AdministratorSetPhones administratorSetPhones) {
		this.administratorSetPhones = administratorSetPhones;
		this.securityInfo = securityInfo;
	}

	@GetMapping
	String overview(@CurrentUser SignedInUser user, Model model) {
		model.addAttribute("overview", securityInfo.overviewWithSignInOrder(user.id()));
		model.addAttribute("pendingPhone", administratorSetPhones.pending(user.id()).orElse(null));
		return "securityinfo/overview";
	}

	@GetMapping("/add")
	String initAddForm(@CurrentUser SignedInUser user, Model model) {
		AddOptions options = securityInfo.addOptions(user.id());
		AddMethodForm form = new AddMethodForm();
		if (!options.types().isEmpty()) {
			form.setType(options.types().get(0).id());
		}
		model.addAttribute("addMethodForm", form);
		return addView(options, model);
	}

	@PostMapping("/add")
	String processAddForm(@CurrentUser SignedInUser user, @Valid @ModelAttribute("addMethodForm") AddMethodForm form,
			BindingResult result, Model model) {
		AddOptions options = securityInfo.addOptions(user.id());
		if (result.hasErrors()) {
			return addView(options, model);
		}
		return options.types()
			.stream()
			.filter(type -> type.id().equals(form.getType()))
			.findFirst()
			.map(type -> "redirect:" + type.addPath())
			.orElseGet(() -> {
				result.rejectValue("type", "addmethod.type.unavailable");
				return addView(options, model);
			});
	}

	@GetMapping("/default")
	String initDefaultForm(@CurrentUser SignedInUser user, Model model) {
		DefaultMethodForm form = new DefaultMethodForm();
		DefaultChoice current = securityInfo.overview(user.id()).defaultMethod();
		if (current != null) {
			form.setChoice(current.value());
		}
		model.addAttribute("defaultMethodForm", form);
		return defaultView(user, model);
	}

	@PostMapping("/default")
	String processDefaultForm(@CurrentUser SignedInUser user,
			@Valid @ModelAttribute("defaultMethodForm") DefaultMethodForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return defaultView(user, model);
		}
		DefaultChoice chosen = securityInfo.defaultChoices(user.id())
			.stream()
			.filter(choice -> choice.value().equals(form.getChoice()))
			.findFirst()
			.orElse(null);
		if (chosen == null) {
			result.rejectValue("choice", "defaultmethod.choice.invalid");
			return defaultView(user, model);
		}
		securityInfo.changeDefault(user.id(), chosen.methodId(), chosen.mode());
		redirect.addFlashAttribute("notice", "defaultmethod.changed");
		return "redirect:/security-info";
	}

	@GetMapping("/methods/{methodId}/delete")
	String confirmDelete(@CurrentUser SignedInUser user, @PathVariable long methodId, HttpSession session,
			Model model) {
		if (removedHere(session, methodId)) {
			return ALREADY_REMOVED;
		}
		model.addAttribute("preview", securityInfo.previewDelete(user.id(), methodId));
		model.addAttribute("lastTwoStepMethod", securityInfo.isLastTwoStepMethod(user.id(), methodId));
		return "securityinfo/delete";
	}

	@PostMapping("/methods/{methodId}/delete")
	String delete(@CurrentUser SignedInUser user, @PathVariable long methodId, HttpSession session,
			RedirectAttributes redirect) {
		if (removedHere(session, methodId)) {
			return ALREADY_REMOVED;
		}
		try {
			securityInfo.delete(user.id(), methodId);
			rememberRemoved(session, methodId);
		}
		catch (LastTwoStepMethodException ex) {
			redirect.addFlashAttribute("problem", "delete.last-two-step-method");
			return "redirect:/security-info";
		}
		redirect.addFlashAttribute("notice", "delete.done");
		return "redirect:/security-info";
	}

	/**
	 * Whether this session removed the method: Back to its confirmation then says so in words rather than "not
	 * found". Only ids this session deleted are known here, so another person's id is still answered as a made-up
	 * one, whether it exists or not.
	 */
	private static boolean removedHere(HttpSession session, long methodId) {
		return session.getAttribute(REMOVED_METHODS) instanceof Set<?> removed && removed.contains(methodId);
	}

	private static void rememberRemoved(HttpSession session, long methodId) {
		Set<Long> removed = new HashSet<>();
		if (session.getAttribute(REMOVED_METHODS) instanceof Set<?> earlier) {
			earlier.forEach(id -> removed.add((Long) id));
		}
		removed.add(methodId);
		// A new set each time: a session stored in the database is written when an attribute is set.
		session.setAttribute(REMOVED_METHODS, removed);
	}

	private String addView(AddOptions options, Model model) {
		model.addAttribute("types", options.types());
		model.addAttribute("someHiddenByPolicy", options.someHiddenByPolicy());
		return "securityinfo/add";
	}

	private String defaultView(SignedInUser user, Model model) {
		model.addAttribute("choices", securityInfo.defaultChoices(user.id()));
		return "securityinfo/default";
	}

}

