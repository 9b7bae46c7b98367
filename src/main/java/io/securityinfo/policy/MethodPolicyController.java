package io.securityinfo.policy;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.securityinfo.groups.Groups;
import io.securityinfo.account.CurrentUser;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.phone.PhoneNumbers;

/**
 * "Authentication methods": which methods are on, for whom; and on a page of its own, the phone settings. One form
 * per page and per Save, so saving one never drops what was typed in the other.
 */
@Controller
@RequestMapping("/admin/methods")
class MethodPolicyController {

	private final MethodPolicy methodPolicy;

	private final PhonePolicy phonePolicy;

	private final Groups groups;

	private final PhoneNumbers phoneNumbers;

	private final SignInPolicy signInPolicy;

	MethodPolicyController(MethodPolicy methodPolicy, PhonePolicy phonePolicy, Groups groups,
			PhoneNumbers phoneNumbers, SignInPolicy signInPolicy) {
		this.signInPolicy = signInPolicy;
		this.methodPolicy = methodPolicy;
		this.phonePolicy = phonePolicy;
		this.groups = groups;
		this.phoneNumbers = phoneNumbers;
	}

	@GetMapping
	String initForms(Model model) {
		return view(model);
	}

	@PostMapping
	String processMethods(@CurrentUser SignedInUser admin,
			@Valid @ModelAttribute("methodPolicyForm") MethodPolicyForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		List<MethodPolicyForm.Row> rows = form.getMethods();
		if (!isOneRowPerMethod(rows)) {
			// The page names each method in a hidden field: other rows were not sent by it.
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		eachRow(rows, result,
				row -> row.rejectGroups(row.isEnabled(), groups, result, "policy.methods.groups.required"));
		if (result.hasErrors()) {
			return view(model);
		}
		try {
			methodPolicy.save(admin.id(), rows.stream().map(MethodPolicyForm.Row::toSetting).toList());
		}
		catch (DataIntegrityViolationException ex) {
			// A group chosen was deleted in the meantime.
			eachRow(rows, result, row -> row.rejectDeletedGroups(result));
			return view(model);
		}
		redirect.addFlashAttribute("notice", "policy.methods.saved");
		return "redirect:/admin/methods";
	}

	@GetMapping("/phone")
	String initPhoneSettings(Model model, Locale locale) {
		return phoneView(model, locale);
	}

	@PostMapping("/phone")
	String processPhoneSettings(@CurrentUser SignedInUser admin,
			@Valid @ModelAttribute("phoneSettingsForm") PhoneSettingsForm form, BindingResult result, Model model,
			Locale locale, RedirectAttributes redirect) {
		Set<String> regions = regionCodes(form.getAllowedRegions());
		List<String> unknown = regions.stream().filter(code -> !phoneNumbers.isKnownRegion(code)).toList();
		if (!result.hasFieldErrors("allowedRegions") && !unknown.isEmpty()) {
			result.rejectValue("allowedRegions", "policy.phone.regions.unknown",
					new Object[] { String.join(", ", unknown) }, null);
		}
		if (result.hasErrors()) {
			return phoneView(model, locale);
		}
		phonePolicy.save(admin.id(), form.toRules(regions));
		redirect.addFlashAttribute("notice", "policy.phone.saved");
		return "redirect:/admin/methods";
	}

	@GetMapping("/phishing-resistant")
	String initPhishingResistance(Model model) {
		return phishingResistantView(model);
	}

	/** "Require phishing-resistant sign-in": for the administrators and for groups. */
	@PostMapping("/phishing-resistant")
	String processPhishingResistance(@CurrentUser SignedInUser admin,
			@ModelAttribute("phishingResistantForm") PhishingResistantForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (form.isRequired() && !form.isAdministrators() && form.chosenGroupIds().isEmpty()) {
			result.rejectValue("groupIds", "policy.phishing-resistant.groups.required");
		}
		else if (!groups.unknown(form.chosenGroupIds()).isEmpty()) {
			result.rejectValue("groupIds", "policy.groups.unknown");
		}
		if (result.hasErrors()) {
			return phishingResistantView(model);
		}
		try {
			signInPolicy.savePhishingResistance(admin.id(), form.isRequired(), form.isAdministrators(),
					form.chosenGroupIds());
		}
		catch (DataIntegrityViolationException ex) {
			result.rejectValue("groupIds", "policy.groups.unknown");
			return phishingResistantView(model);
		}
		redirect.addFlashAttribute("notice", "policy.phishing-resistant.saved");
		return "redirect:/admin/methods";
	}

	/**
	 * The methods page: the forms as posted, else as saved; the phone settings in force, to read; the people each
	 * setting affects.
	 */
	private String view(Model model) {
		if (!model.containsAttribute("methodPolicyForm")) {
			model.addAttribute("methodPolicyForm", MethodPolicyForm.of(methodPolicy.settings()));
		}
		model.addAttribute("phoneSettings", PhoneSettingsForm.of(phonePolicy.current()));
		SignInRules signIn = signInPolicy.current();
		if (!model.containsAttribute("phishingResistantForm")) {
			model.addAttribute("phishingResistantForm", PhishingResistantForm.of(signIn));
		}
		model.addAttribute("peopleAllowed", methodPolicy.peopleAllowed());
		model.addAttribute("peopleRequiredPhishingResistance", signInPolicy.peopleRequiredPhishingResistance(signIn));
		model.addAttribute("groups", groups.list());
		return "policy/methods";
	}

	/** The phishing-resistant sign-in page: the form as posted, else as saved; the groups; the people it affects. */
	private String phishingResistantView(Model model) {
		SignInRules signIn = signInPolicy.current();
		if (!model.containsAttribute("phishingResistantForm")) {
			model.addAttribute("phishingResistantForm", PhishingResistantForm.of(signIn));
		}
		model.addAttribute("peopleRequiredPhishingResistance", signInPolicy.peopleRequiredPhishingResistance(signIn));
		model.addAttribute("groups", groups.list());
		return "policy/phishing-resistant";
	}

	/** The phone settings page: the form as posted, else as saved; every country, named in the page's language. */
	private String phoneView(Model model, Locale locale) {
		if (!model.containsAttribute("phoneSettingsForm")) {
			model.addAttribute("phoneSettingsForm", PhoneSettingsForm.of(phonePolicy.current()));
		}
		PhoneSettingsForm form = (PhoneSettingsForm) model.getAttribute("phoneSettingsForm");
		model.addAttribute("regions", phoneNumbers.regions(locale));
		model.addAttribute("chosenRegions", regionCodes(form.getAllowedRegions()));
		return "policy/phone-settings";
	}

	/** Checks each row with the errors at its own path, {@code methods[i]}. */
	private static void eachRow(List<MethodPolicyForm.Row> rows, BindingResult result,
			Consumer<MethodPolicyForm.Row> check) {
		for (int i = 0; i < rows.size(); i++) {
			result.pushNestedPath("methods[" + i + "]");
			check.accept(rows.get(i));
			result.popNestedPath();
		}
	}

	private boolean isOneRowPerMethod(List<MethodPolicyForm.Row> rows) {
		List<AuthenticationMethod> methods = methodPolicy.methods();
		return rows.stream().allMatch(row -> row != null && methods.contains(row.getMethod()))
				&& rows.stream().map(MethodPolicyForm.Row::getMethod).distinct().count() == rows.size();
	}

	/** "nl, BE  de" → {BE, DE, NL}: commas or spaces separate codes. */
	static Set<String> regionCodes(String input) {
		if (input == null) {
			return Set.of();
		}
		return Arrays.stream(input.split("[,;\\s]+"))
			.map(String::strip)
			.filter(code -> !code.isEmpty())
			.map(code -> code.toUpperCase(Locale.ROOT))
			.collect(Collectors.toCollection(TreeSet::new));
	}

}
