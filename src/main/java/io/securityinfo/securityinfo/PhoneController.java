package io.securityinfo.securityinfo;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.securityinfo.account.CurrentUser;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.phone.PhoneNumbers;
import io.securityinfo.policy.PhonePolicy;
import io.securityinfo.policy.PhoneRules;
import io.securityinfo.verification.ChallengeView;
import io.securityinfo.verification.Channel;
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

	private final SecurityInfo securityInfo;

	private final PhonePolicy phonePolicy;

	PhoneController(PhoneRegistration registration, VerificationCodes codes, PhoneNumbers phoneNumbers,
			SecurityInfo securityInfo, PhonePolicy phonePolicy) {
		this.registration = registration;
		this.codes = codes;
		this.phoneNumbers = phoneNumbers;
		this.securityInfo = securityInfo;
		this.phonePolicy = phonePolicy;
	}

	@GetMapping
	String initPhoneForm(@CurrentUser SignedInUser user, @RequestParam Optional<String> challenge, Locale locale,
			HttpServletRequest request, Model model, RedirectAttributes redirect) {
		List<MethodMode> modes = securityInfo.allowedModes(user.id(), PhoneMethodType.ID);
		if (modes.isEmpty()) {
			redirect.addFlashAttribute("problem", "phone.not-allowed");
			return "redirect:/security-info/add";
		}
		PhoneRules rules = phonePolicy.current();
		List<PhoneNumbers.Region> regions = regions(rules, locale);
		PhoneForm form = new PhoneForm();
		form.setMode(modes.get(0));
		// The browser's own locale, not the page language: "nl-NL" preselects the Netherlands on English pages.
		String browserCountry = request.getLocale().getCountry();
		boolean browserCountryOffered = regions.stream().anyMatch(region -> region.code().equals(browserCountry));
		form.setRegion(browserCountryOffered ? browserCountry
				: rules.allRegionsAllowed() ? FALLBACK_REGION : regions.get(0).code());
		challenge.flatMap(id -> codes.find(user.id(), id, Channel.PHONE)).ifPresent(earlier -> {
			form.setRegion(phoneNumbers.regionOf(earlier.destination()));
			form.setNumber(phoneNumbers.nationalNumber(earlier.destination()));
			form.setMode(PhoneRegistration.modeOf(earlier.channel()));
		});
		model.addAttribute("phoneForm", form);
		return phoneFormView(user, locale, model);
	}

	@PostMapping
	String processPhoneForm(@CurrentUser SignedInUser user, @Valid @ModelAttribute("phoneForm") PhoneForm form,
			BindingResult result, Locale locale, Model model) {
		PhoneRules rules = phonePolicy.current();
		if (!result.hasFieldErrors("region") && !phoneNumbers.isKnownRegion(form.getRegion())) {
			result.rejectValue("region", "phone.region.invalid");
		}
		else if (!result.hasFieldErrors("region") && !rules.allowsRegion(form.getRegion())) {
			result.rejectValue("region", "verification.refused.region-not-allowed");
		}
		Optional<String> e164 = result.hasErrors() ? Optional.empty()
				: phoneNumbers.parse(form.getRegion(), form.getNumber());
		if (!result.hasErrors() && e164.isEmpty()) {
			result.rejectValue("number", "phone.number.invalid");
		}
		if (result.hasErrors()) {
			return phoneFormView(user, locale, model);
		}
		try {
			ChallengeView challenge = registration.sendCode(user.id(), e164.get(), form.getMode());
			return "redirect:/security-info/phone/challenges/" + challenge.id();
		}
		catch (ModeNotAllowedException ex) {
			result.rejectValue("mode", "phone.mode.not-allowed");
		}
		catch (MethodAlreadyRegisteredException ex) {
			result.reject("phone.already-registered");
		}
		catch (VerificationRefusedException ex) {
			result.rejectValue("number", ex.refusal().messageKey(), new Object[] { ex.secondsToWait() }, null);
		}
		return phoneFormView(user, locale, model);
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
			registration.resendCode(user.id(), challengeId);
			redirect.addFlashAttribute("notice", "code.resent");
		}
		catch (ModeNotAllowedException ex) {
			redirect.addFlashAttribute("problem", "phone.mode.not-allowed");
		}
		catch (VerificationRefusedException ex) {
			redirect.addFlashAttribute("problem", ex.refusal().messageKey());
			redirect.addFlashAttribute("problemArg", ex.secondsToWait());
		}
		return "redirect:/security-info/phone/challenges/" + challengeId;
	}

	@GetMapping("/challenges/{challengeId}/done")
	String registered(@CurrentUser SignedInUser user, @PathVariable String challengeId, HttpSession session,
			Model model) {
		ChallengeView challenge = owned(user, challengeId);
		if (!challenge.verified()) {
			return "redirect:/security-info/phone/challenges/" + challengeId;
		}
		model.addAttribute("mode", PhoneRegistration.modeOf(challenge.channel()));
		model.addAttribute("doneUrl",
				RegistrationInterrupt.wasAsked(session) ? RegistrationInterrupt.PAGE + "/continue" : "/security-info");
		return "securityinfo/phone-done";
	}

	private String phoneFormView(SignedInUser user, Locale locale, Model model) {
		model.addAttribute("regions", regions(phonePolicy.current(), locale));
		model.addAttribute("modes", securityInfo.allowedModes(user.id(), PhoneMethodType.ID));
		return "securityinfo/phone";
	}

	/** The regions the policy lets texts and calls go to. */
	private List<PhoneNumbers.Region> regions(PhoneRules rules, Locale locale) {
		return phoneNumbers.regions(locale).stream().filter(region -> rules.allowsRegion(region.code())).toList();
	}

	private String codeView(ChallengeView challenge, Model model) {
		model.addAttribute("challenge", challenge);
		model.addAttribute("mode", PhoneRegistration.modeOf(challenge.channel()));
		model.addAttribute("number", phoneNumbers.formatInternational(challenge.destination()));
		return "securityinfo/phone-code";
	}

	/** This person's challenge of a phone; an email's challenge is not found here. */
	private ChallengeView owned(SignedInUser user, String challengeId) {
		return codes.get(user.id(), challengeId, Channel.PHONE);
	}

}
