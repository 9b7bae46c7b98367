package io.securityinfo.securityinfo;

import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.securityinfo.account.CurrentUser;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.phone.PhoneNumbers;
import io.securityinfo.verification.ChallengeView;
import io.securityinfo.verification.VerificationCodes;
import io.securityinfo.verification.VerificationRefusedException;

/** "Phone": the number, the code that proves it, and the confirmation. */
@Controller
@RequestMapping("/security-info/phone")
class PhoneController {

	private static final String FALLBACK_REGION = "US";

	private final PhoneRegistration registration;

	private final VerificationCodes codes;

	private final PhoneNumbers phoneNumbers;

	PhoneController(PhoneRegistration registration, VerificationCodes codes, PhoneNumbers phoneNumbers) {
		this.registration = registration;
		this.codes = codes;
		this.phoneNumbers = phoneNumbers;
	}

	@GetMapping
	String initPhoneForm(@CurrentUser SignedInUser user, @RequestParam Optional<String> challenge, Locale locale,
			HttpServletRequest request, Model model) {
		PhoneForm form = new PhoneForm();
		// The browser's own locale, not the page language: "nl-NL" preselects the Netherlands on English pages.
		String browserCountry = request.getLocale().getCountry();
		form.setRegion(phoneNumbers.isKnownRegion(browserCountry) ? browserCountry : FALLBACK_REGION);
		challenge.flatMap(id -> codes.find(user.id(), id)).ifPresent(earlier -> {
			form.setRegion(phoneNumbers.regionOf(earlier.destination()));
			form.setNumber(phoneNumbers.nationalNumber(earlier.destination()));
			form.setMode(PhoneRegistration.modeOf(earlier.channel()));
		});
		model.addAttribute("phoneForm", form);
		return phoneFormView(locale, model);
	}

	@PostMapping
	String processPhoneForm(@CurrentUser SignedInUser user, @Valid @ModelAttribute("phoneForm") PhoneForm form,
			BindingResult result, Locale locale, Model model) {
		if (!result.hasFieldErrors("region") && !phoneNumbers.isKnownRegion(form.getRegion())) {
			result.rejectValue("region", "phone.region.invalid");
		}
		Optional<String> e164 = result.hasErrors() ? Optional.empty()
				: phoneNumbers.parse(form.getRegion(), form.getNumber());
		if (!result.hasErrors() && e164.isEmpty()) {
			result.rejectValue("number", "phone.number.invalid");
		}
		if (result.hasErrors()) {
			return phoneFormView(locale, model);
		}
		try {
			ChallengeView challenge = registration.sendCode(user.id(), e164.get(), form.getMode());
			return "redirect:/security-info/phone/challenges/" + challenge.id();
		}
		catch (MethodAlreadyRegisteredException ex) {
			result.reject("phone.already-registered");
		}
		catch (VerificationRefusedException ex) {
			result.rejectValue("number", ex.refusal().messageKey(), new Object[] { ex.secondsToWait() }, null);
		}
		return phoneFormView(locale, model);
	}

	@GetMapping("/challenges/{challengeId}")
	String initCodeForm(@CurrentUser SignedInUser user, @PathVariable String challengeId, Model model) {
		ChallengeView challenge = owned(user, challengeId);
		if (challenge.verified()) {
			return "redirect:/security-info/phone/challenges/" + challengeId + "/done";
		}
		model.addAttribute("codeForm", new CodeForm());
		return codeView(challenge, model);
	}

	@PostMapping("/challenges/{challengeId}")
	String processCodeForm(@CurrentUser SignedInUser user, @PathVariable String challengeId,
			@Valid @ModelAttribute("codeForm") CodeForm form, BindingResult result, Model model) {
		ChallengeView challenge = owned(user, challengeId);
		if (result.hasErrors()) {
			return codeView(challenge, model);
		}
		PhoneRegistration.Confirmation confirmation = registration.confirm(user.id(), challengeId, form.getCode());
		if (confirmation.registered()) {
			return "redirect:/security-info/phone/challenges/" + challengeId + "/done";
		}
		result.rejectValue("code", confirmation.errorKey(), confirmation.errorArgs(), null);
		return codeView(challenge, model);
	}

	@PostMapping("/challenges/{challengeId}/resend")
	String resendCode(@CurrentUser SignedInUser user, @PathVariable String challengeId,
			RedirectAttributes redirect) {
		try {
			codes.resend(user.id(), challengeId);
			redirect.addFlashAttribute("notice", "code.resent");
		}
		catch (VerificationRefusedException ex) {
			redirect.addFlashAttribute("problem", ex.refusal().messageKey());
			redirect.addFlashAttribute("problemArg", ex.secondsToWait());
		}
		return "redirect:/security-info/phone/challenges/" + challengeId;
	}

	@GetMapping("/challenges/{challengeId}/done")
	String registered(@CurrentUser SignedInUser user, @PathVariable String challengeId, Model model) {
		ChallengeView challenge = owned(user, challengeId);
		if (!challenge.verified()) {
			return "redirect:/security-info/phone/challenges/" + challengeId;
		}
		model.addAttribute("mode", PhoneRegistration.modeOf(challenge.channel()));
		return "securityinfo/phone-done";
	}

	private String phoneFormView(Locale locale, Model model) {
		model.addAttribute("regions", phoneNumbers.regions(locale));
		model.addAttribute("modes", MethodMode.values());
		return "securityinfo/phone";
	}

	private String codeView(ChallengeView challenge, Model model) {
		model.addAttribute("challenge", challenge);
		model.addAttribute("mode", PhoneRegistration.modeOf(challenge.channel()));
		model.addAttribute("number", phoneNumbers.formatInternational(challenge.destination()));
		return "securityinfo/phone-code";
	}

	private ChallengeView owned(SignedInUser user, String challengeId) {
		return codes.get(user.id(), challengeId);
	}

}
