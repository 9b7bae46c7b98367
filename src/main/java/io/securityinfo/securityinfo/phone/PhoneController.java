package io.securityinfo.securityinfo.phone;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

import jakarta.servlet.http.HttpServletRequest;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.securityinfo.account.CurrentUser;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.phone.PhoneNumber;
import io.securityinfo.phone.PhoneNumbers;
import io.securityinfo.policy.PhonePolicy;
import io.securityinfo.policy.PhoneRules;
import io.securityinfo.securityinfo.MethodAlreadyRegisteredException;
import io.securityinfo.securityinfo.MethodMode;
import io.securityinfo.securityinfo.ModeNotAllowedException;
import io.securityinfo.verification.ChallengeView;
import io.securityinfo.verification.Refusal;
import io.securityinfo.verification.VerificationRefusedException;

/**
 * "Phone", "Alternate phone" and "Office phone": the number, for a new method at {@code /security-info/{slug}}, for
 * a new number of a registered one at {@code /security-info/{slug}/change}. The slug names the
 * {@link PhoneLikeMethodType}; the pages differ only by what it says. The code that proves the number is
 * {@link PhoneCodeController}'s.
 */
@Controller
@RequestMapping("/security-info/{slug:[a-z-]*phone}")
class PhoneController {

	private static final String FALLBACK_REGION = "US";

	private final PhoneRegistration registration;

	private final PhoneNumbers phoneNumbers;

	private final PhonePolicy phonePolicy;

	private final List<PhoneLikeMethodType> phoneTypes;

	PhoneController(PhoneRegistration registration, PhoneNumbers phoneNumbers, PhonePolicy phonePolicy,
			List<PhoneLikeMethodType> phoneTypes) {
		this.registration = registration;
		this.phoneNumbers = phoneNumbers;
		this.phonePolicy = phonePolicy;
		this.phoneTypes = phoneTypes;
	}

	/** The type the slug names; a slug that names none has no page. */
	@ModelAttribute(name = "phoneType", binding = false)
	PhoneLikeMethodType phoneType(@PathVariable String slug) {
		return phoneTypes.stream()
			.filter(type -> type.slug().equals(slug))
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	@GetMapping
	String initPhoneForm(@CurrentUser SignedInUser user, @ModelAttribute("phoneType") PhoneLikeMethodType type,
			@RequestParam Optional<String> challenge, Locale locale, HttpServletRequest request, Model model,
			RedirectAttributes redirect) {
		return phoneForm(user, type, false, challenge, locale, request, model, redirect);
	}

	@GetMapping("/change")
	String initChangeForm(@CurrentUser SignedInUser user, @ModelAttribute("phoneType") PhoneLikeMethodType type,
			@RequestParam Optional<String> challenge, Locale locale, HttpServletRequest request, Model model,
			RedirectAttributes redirect) {
		if (!registration.hasMethod(user.id(), type)) {
			return "redirect:" + type.addPath();
		}
		return phoneForm(user, type, true, challenge, locale, request, model, redirect);
	}

	@PostMapping
	String processPhoneForm(@CurrentUser SignedInUser user, @ModelAttribute("phoneType") PhoneLikeMethodType type,
			@Valid @ModelAttribute("phoneForm") PhoneForm form, BindingResult result, Locale locale, Model model) {
		return sendCode(user, type, false, form, result, locale, model);
	}

	@PostMapping("/change")
	String processChangeForm(@CurrentUser SignedInUser user, @ModelAttribute("phoneType") PhoneLikeMethodType type,
			@Valid @ModelAttribute("phoneForm") PhoneForm form, BindingResult result, Locale locale, Model model) {
		return sendCode(user, type, true, form, result, locale, model);
	}

	private String phoneForm(SignedInUser user, PhoneLikeMethodType type, boolean changing,
			Optional<String> challenge, Locale locale, HttpServletRequest request, Model model,
			RedirectAttributes redirect) {
		List<MethodMode> modes = registration.allowedModes(user.id(), type);
		if (modes.isEmpty()) {
			redirect.addFlashAttribute("problem", "phone.not-allowed");
			return "redirect:/security-info/add";
		}
		PhoneRules rules = phonePolicy.current();
		List<PhoneNumbers.Region> regions = regions(rules, locale);
		PhoneForm form = new PhoneForm();
		form.setMode(modes.get(0).name());
		form.setRegion(preselectedRegion(user, rules, regions, request));
		// "Back" from the code page: the number, the way and the extension asked for before, to correct them.
		challenge.flatMap(id -> registration.findChallenge(user.id(), id))
			.filter(earlier -> earlier.type() == type)
			.ifPresent(earlier -> {
				form.setRegion(earlier.number().region());
				form.setNumber(phoneNumbers.nationalNumber(earlier.number().e164()));
				form.setMode(earlier.mode().name());
				form.setExtension(earlier.number().extension());
			});
		model.addAttribute("phoneForm", form);
		return phoneFormView(type, changing, modes, regions, model);
	}

	private String sendCode(SignedInUser user, PhoneLikeMethodType type, boolean changing, PhoneForm form,
			BindingResult result, Locale locale, Model model) {
		Optional<PhoneNumber> number = read(type, form, result);
		if (number.isPresent()) {
			try {
				ChallengeView challenge = registration.sendCode(user.id(), type, number.get(),
						PhoneModes.named(form.getMode()).orElseThrow(),
						changing);
				return "redirect:" + PhoneChallenge.path(type, challenge.id());
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
				List<PhoneNumbers.Region> regions = regions(phonePolicy.current(), locale);
				// A country the policy refuses is told beside the country picked when the page no longer offers it,
				// else beside the number, typed with the code of another country.
				boolean regionOffered = regions.stream().anyMatch(region -> region.code().equals(form.getRegion()));
				result.rejectValue(ex.refusal() == Refusal.REGION_NOT_ALLOWED && !regionOffered ? "region" : "number",
						ex.messageKey(), new Object[] { ex.secondsToWait() }, null);
				return phoneFormView(type, changing, registration.allowedModes(user.id(), type), regions, model);
			}
		}
		return phoneFormView(type, changing, registration.allowedModes(user.id(), type),
				regions(phonePolicy.current(), locale), model);
	}

	/**
	 * The number the form gives, with the extension for a type that takes one; empty, and why beside the fields,
	 * when they do not give one.
	 */
	private Optional<PhoneNumber> read(PhoneLikeMethodType type, PhoneForm form, BindingResult result) {
		if (!result.hasFieldErrors("region") && !phoneNumbers.isKnownRegion(form.getRegion())) {
			result.rejectValue("region", "phone.region.invalid");
		}
		if (!result.hasFieldErrors("mode") && PhoneModes.named(form.getMode()).isEmpty()) {
			result.rejectValue("mode", "phone.mode.required");
		}
		if (result.hasErrors()) {
			return Optional.empty();
		}
		Optional<PhoneNumber> number = phoneNumbers.read(form.getRegion(), form.getNumber());
		if (number.isEmpty()) {
			result.rejectValue("number", "phone.number.invalid");
		}
		return number.map(typed -> typed.withExtension(type.hasExtension() ? form.getExtension() : null));
	}

	private static String phoneFormView(PhoneLikeMethodType type, boolean changing, List<MethodMode> modes,
			List<PhoneNumbers.Region> regions, Model model) {
		model.addAttribute("changing", changing);
		model.addAttribute("formPath", changing ? type.changeFormPath() : type.addPath());
		model.addAttribute("regions", regions);
		model.addAttribute("modes", modes);
		return "securityinfo/phone";
	}

	/**
	 * The country the form starts with: that of the number the person added last, else the organisation's own
	 * country ({@code app.policy.phone.home-region}), else the browser's region ("nl-NL" preselects the Netherlands
	 * on English pages too), each only when the policy allows it, else the first country the list offers (the United
	 * States when every country is allowed).
	 */
	private String preselectedRegion(SignedInUser user, PhoneRules rules, List<PhoneNumbers.Region> regions,
			HttpServletRequest request) {
		Predicate<String> offered = region -> regions.stream().anyMatch(each -> each.code().equals(region));
		return registration.lastNumberRegion(user.id())
			.filter(offered)
			.or(() -> Optional.of(phonePolicy.homeRegion()).filter(offered))
			.or(() -> Optional.of(request.getLocale().getCountry()).filter(offered))
			.orElse(rules.allRegionsAllowed() ? FALLBACK_REGION : regions.get(0).code());
	}

	/** The regions the policy lets texts and calls go to. */
	private List<PhoneNumbers.Region> regions(PhoneRules rules, Locale locale) {
		return phoneNumbers.regions(locale).stream().filter(region -> rules.allowsRegion(region.code())).toList();
	}

}
