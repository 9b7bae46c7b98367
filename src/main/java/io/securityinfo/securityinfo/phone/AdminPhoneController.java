package io.securityinfo.securityinfo.phone;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

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

import io.securityinfo.account.AccountSummary;
import io.securityinfo.account.Accounts;
import io.securityinfo.account.CurrentUser;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.phone.PhoneNumber;
import io.securityinfo.phone.PhoneNumbers;
import io.securityinfo.policy.PhonePolicy;

/**
 * Admin → Users → a person → "Set phone": a number for the person's Phone, with the reason, which waits for the
 * person's code before it becomes their method ({@link AdminSetPhones}).
 */
@Controller
@RequestMapping("/admin/users/{id}/phone")
class AdminPhoneController {

	private final AdminSetPhones phones;

	private final Accounts accounts;

	private final PhoneNumbers phoneNumbers;

	private final PhonePolicy phonePolicy;

	AdminPhoneController(AdminSetPhones phones, Accounts accounts, PhoneNumbers phoneNumbers,
			PhonePolicy phonePolicy) {
		this.phones = phones;
		this.accounts = accounts;
		this.phoneNumbers = phoneNumbers;
		this.phonePolicy = phonePolicy;
	}

	@ModelAttribute(name = "person", binding = false)
	AccountSummary person(@PathVariable long id) {
		return accounts.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	@GetMapping
	String initPhoneForm(@PathVariable long id, Locale locale, Model model) {
		AdminPhoneForm form = new AdminPhoneForm();
		Optional<PhoneNumber> pending = phones.pendingNumber(id);
		pending.ifPresent(number -> {
			form.setRegion(number.region());
			form.setNumber(phoneNumbers.nationalNumber(number.e164()));
		});
		if (form.getRegion() == null) {
			List<PhoneNumbers.Region> regions = regions(locale);
			form.setRegion(regions.isEmpty() ? null : regions.get(0).code());
		}
		model.addAttribute("adminPhoneForm", form);
		return phoneFormView(id, locale, model);
	}

	@PostMapping
	String processPhoneForm(@CurrentUser SignedInUser admin, @PathVariable long id,
			@Valid @ModelAttribute("adminPhoneForm") AdminPhoneForm form, BindingResult result, Locale locale,
			Model model, RedirectAttributes redirect) {
		if (!result.hasFieldErrors("region")
				&& regions(locale).stream().noneMatch(region -> region.code().equals(form.getRegion()))) {
			result.rejectValue("region", "phone.region.invalid");
		}
		if (result.hasErrors()) {
			return phoneFormView(id, locale, model);
		}
		Optional<PhoneNumber> number = phoneNumbers.read(form.getRegion(), form.getNumber());
		if (number.isEmpty()) {
			result.rejectValue("number", "phone.number.invalid");
			return phoneFormView(id, locale, model);
		}
		phones.set(admin.id(), id, number.get(), form.getReason());
		redirect.addFlashAttribute("notice", "users.phone.set");
		return "redirect:/admin/users/" + id;
	}

	private String phoneFormView(long id, Locale locale, Model model) {
		model.addAttribute("regions", regions(locale));
		model.addAttribute("pending", phones.pending(id).orElse(null));
		return "users/phone";
	}

	/** The regions the policy lets codes go to: the number must take the person's code. */
	private List<PhoneNumbers.Region> regions(Locale locale) {
		return phoneNumbers.regions(locale)
			.stream()
			.filter(region -> phonePolicy.current().allowsRegion(region.code()))
			.toList();
	}

}
