package io.securityinfo.securityinfo.phone;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.securityinfo.securityinfo.Confirmation;
import io.securityinfo.securityinfo.CodeForm;
import io.securityinfo.securityinfo.MethodAlreadyRegisteredException;
import io.securityinfo.securityinfo.interrupt.RegistrationInterrupt;
import io.securityinfo.securityinfo.MethodMode;
import io.securityinfo.securityinfo.ModeNotAllowedException;
import io.securityinfo.securityinfo.SecurityInfo;
import io.securityinfo.account.CurrentUser;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.phone.PhoneNumbers;
import io.securityinfo.policy.PhonePolicy;
import io.securityinfo.policy.PhoneRules;
import io.securityinfo.verification.ChallengeView;
import io.securityinfo.verification.Channel;
import io.securityinfo.verification.VerificationCodes;
import io.securityinfo.verification.VerificationRefusedException;

/**
 * "Phone", "Alternate phone" and "Office phone": the number, the code that proves it, and the confirmation — for a
 * new method at {@code /security-info/{slug}}, for a new number of a registered one at
 * {@code /security-info/{slug}/change}. The slug names the {@link PhoneLikeMethodType}; the pages differ only by what
 * it says.
 */
@Controller
@RequestMapping("/security-info/{slug:[a-z-]*phone}")
class PhoneController {

	private static final String FALLBACK_REGION = "US";

	private final PhoneRegistration registration;

	private final VerificationCodes codes;

	private final PhoneNumbers phoneNumbers;

	private final SecurityInfo securityInfo;

	private final PhonePolicy phonePolicy;

	private final List<PhoneLikeMethodType> phoneTypes;

	PhoneController(PhoneRegistration registration, VerificationCodes codes, PhoneNumbers phoneNumbers,
			SecurityInfo securityInfo, PhonePolicy phonePolicy, List<PhoneLikeMethodType> phoneTypes) {
		this.registration = registration;
		this.codes = codes;
		this.phoneNumbers = phoneNumbers;
		this.securityInfo = securityInfo;
		this.phonePolicy = phonePolicy;
		this.phoneTypes = phoneTypes;
	}

	@GetMapping
	String initPhoneForm(@CurrentUser SignedInUser user, @PathVariable String slug,
			@RequestParam Optional<String> challenge, Locale locale, HttpServletRequest request, Model model,
			RedirectAttributes redirect) {
		return phoneForm(user, type(slug), false, challenge, locale, request, model, redirect);
	}

	@GetMapping("/change")
	String initChangeForm(@CurrentUser SignedInUser user, @PathVariable String slug,
			@RequestParam Optional<String> challenge, Locale locale, HttpServletRequest request, Model model,
			RedirectAttributes redirect) {
		PhoneLikeMethodType type = type(slug);
		if (!securityInfo.hasMethodOfType(user.id(), type.id())) {
			return "redirect:" + type.addPath();
		}
		return phoneForm(user, type, true, challenge, locale, request, model, redirect);
	}

	@PostMapping
	String processPhoneForm(@CurrentUser SignedInUser user, @PathVariable String slug,
			@Valid @ModelAttribute("phoneForm") PhoneForm form, BindingResult result, Locale locale, Model model) {
		return sendCode(user, type(slug), false, form, result, locale, model);
	}

	@PostMapping("/change")
	String processChangeForm(@CurrentUser SignedInUser user, @PathVariable String slug,
			@Valid @ModelAttribute("phoneForm") PhoneForm form, BindingResult result, Locale locale, Model model) {
		return sendCode(user, type(slug), true, form, result, locale, model);
	}

	@GetMapping("/challenges/{challengeId}")
	String initCodeForm(@CurrentUser SignedInUser user, @PathVariable String slug, @PathVariable String challengeId,
			Model model) {
		ChallengeView challenge = owned(user, type(slug), challengeId);
		if (challenge.verified()) {
			return "redirect:" + challengePath(type(slug), challengeId) + "/done";
		}
		model.addAttribute("codeForm", new CodeForm());
		return codeView(challenge, model);
	}

	@PostMapping("/challenges/{challengeId}")
	String processCodeForm(@CurrentUser SignedInUser user, @PathVariable String slug, @PathVariable String challengeId,
			@Valid @ModelAttribute("codeForm") CodeForm form, BindingResult result, Model model) {
		ChallengeView challenge = owned(user, type(slug), challengeId);
		if (result.hasErrors()) {
			return codeView(challenge, model);
		}
		Confirmation confirmation;
		try {
			confirmation = registration.confirm(user.id(), challengeId, form.getCode());
		}
		catch (DataIntegrityViolationException ex) {
			// Another challenge for this type was confirmed at the same moment and stored its phone first.
			confirmation = Confirmation.failed(type(slug).alreadyRegisteredKey());
		}
		if (confirmation.registered()) {
			return "redirect:" + challengePath(type(slug), challengeId) + "/done";
		}
		result.rejectValue("code", confirmation.errorKey(), confirmation.errorArgs(), null);
		return codeView(challenge, model);
	}

	@PostMapping("/challenges/{challengeId}/resend")
	String resendCode(@CurrentUser SignedInUser user, @PathVariable String slug, @PathVariable String challengeId,
			RedirectAttributes redirect) {
		PhoneLikeMethodType type = type(slug);
		owned(user, type, challengeId);
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
		return "redirect:" + challengePath(type, challengeId);
	}

	@GetMapping("/challenges/{challengeId}/done")
	String registered(@CurrentUser SignedInUser user, @PathVariable String slug, @PathVariable String challengeId,
			HttpSession session, Model model) {
		PhoneLikeMethodType type = type(slug);
		ChallengeView challenge = owned(user, type, challengeId);
		if (!challenge.verified()) {
			return "redirect:" + challengePath(type, challengeId);
		}
		MethodMode mode = PhoneRegistration.modeOf(challenge.channel());
		boolean changed = registration.purposeOf(challengeId).changesNumber();
		model.addAttribute("phoneType", type);
		model.addAttribute("doneKey", changed ? "phone.changed." + mode.name() : type.registeredKey(mode));
		model.addAttribute("doneUrl", RegistrationInterrupt.doneUrl(session));
		return "securityinfo/phone-done";
	}

	private String phoneForm(SignedInUser user, PhoneLikeMethodType type, boolean changing,
			Optional<String> challenge, Locale locale, HttpServletRequest request, Model model,
			RedirectAttributes redirect) {
		List<MethodMode> modes = securityInfo.allowedModes(user.id(), type.id());
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
		challenge.flatMap(id -> codes.find(user.id(), id, Channel.PHONE))
			.filter(earlier -> registration.purposeOf(earlier.id()).type() == type)
			.ifPresent(earlier -> {
				form.setRegion(phoneNumbers.regionOf(earlier.destination()));
				form.setNumber(phoneNumbers.nationalNumber(earlier.destination()));
				form.setMode(PhoneRegistration.modeOf(earlier.channel()));
				form.setExtension(registration.purposeOf(earlier.id()).extension());
			});
		model.addAttribute("phoneForm", form);
		return phoneFormView(user, type, changing, locale, model);
	}

	private String sendCode(SignedInUser user, PhoneLikeMethodType type, boolean changing, PhoneForm form,
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
		// A mode the person may not use is refused as such (below); the number's kind only matters for one they may.
		if (!result.hasErrors() && securityInfo.allowedModes(user.id(), type.id()).contains(form.getMode())) {
			phoneNumbers.refusalFor(e164.get(), form.getMode() == MethodMode.TEXT, rules.allowVoip())
				.ifPresent(refusal -> result.rejectValue("number", refusal));
		}
		if (result.hasErrors()) {
			return phoneFormView(user, type, changing, locale, model);
		}
		PhoneDetail number = new PhoneDetail(e164.get(), type.hasExtension() ? form.getExtension() : null);
		try {
			ChallengeView challenge = registration.sendCode(user.id(), type, number, form.getMode(), changing);
			return "redirect:" + challengePath(type, challenge.id());
		}
		catch (ModeNotAllowedException ex) {
			result.rejectValue("mode", "phone.mode.not-allowed");
		}
		catch (MethodAlreadyRegisteredException ex) {
			result.reject(type.alreadyRegisteredKey());
		}
		catch (NumberInUseException ex) {
			result.rejectValue("number", "phone.number.in-use",
					new Object[] { PhoneRegistration.nameOf(ex.usedBy()) }, null);
		}
		catch (VerificationRefusedException ex) {
			result.rejectValue("number", ex.refusal().messageKey(), new Object[] { ex.secondsToWait() }, null);
		}
		return phoneFormView(user, type, changing, locale, model);
	}

	private String phoneFormView(SignedInUser user, PhoneLikeMethodType type, boolean changing, Locale locale,
			Model model) {
		model.addAttribute("phoneType", type);
		model.addAttribute("changing", changing);
		model.addAttribute("formPath", formPath(type, changing));
		model.addAttribute("regions", regions(phonePolicy.current(), locale));
		model.addAttribute("modes", securityInfo.allowedModes(user.id(), type.id()));
		return "securityinfo/phone";
	}

	/** The regions the policy lets texts and calls go to. */
	private List<PhoneNumbers.Region> regions(PhoneRules rules, Locale locale) {
		return phoneNumbers.regions(locale).stream().filter(region -> rules.allowsRegion(region.code())).toList();
	}

	private String codeView(ChallengeView challenge, Model model) {
		PhoneRegistration.Purpose purpose = registration.purposeOf(challenge.id());
		model.addAttribute("phoneType", purpose.type());
		model.addAttribute("challenge", challenge);
		model.addAttribute("challengePath", challengePath(purpose.type(), challenge.id()));
		model.addAttribute("formPath", formPath(purpose.type(), purpose.changesNumber()));
		model.addAttribute("mode", PhoneRegistration.modeOf(challenge.channel()));
		model.addAttribute("number", phoneNumbers.formatInternational(challenge.destination()));
		return "securityinfo/phone-code";
	}

	/**
	 * The person's challenge, when it proves a number for this page's type; else there is no such page. An email's
	 * challenge is not found here.
	 */
	private ChallengeView owned(SignedInUser user, PhoneLikeMethodType type, String challengeId) {
		ChallengeView challenge = codes.get(user.id(), challengeId, Channel.PHONE);
		if (registration.purposeOf(challengeId).type() != type) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return challenge;
	}

	private PhoneLikeMethodType type(String slug) {
		return phoneTypes.stream()
			.filter(type -> type.slug().equals(slug))
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static String formPath(PhoneLikeMethodType type, boolean changing) {
		return changing ? type.changeFormPath() : type.addPath();
	}

	private static String challengePath(PhoneLikeMethodType type, String challengeId) {
		return type.addPath() + "/challenges/" + challengeId;
	}

}
