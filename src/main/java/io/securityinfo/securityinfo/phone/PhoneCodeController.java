package io.securityinfo.securityinfo.phone;

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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.securityinfo.CodeFormErrors;
import io.securityinfo.account.CurrentUser;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.phone.PhoneNumbers;
import io.securityinfo.securityinfo.CodeForm;
import io.securityinfo.securityinfo.Confirmation;
import io.securityinfo.securityinfo.MethodMode;
import io.securityinfo.securityinfo.ModeNotAllowedException;
import io.securityinfo.securityinfo.interrupt.RegistrationInterrupt;
import io.securityinfo.verification.Refusal;
import io.securityinfo.verification.VerificationRefusedException;

/**
 * The code that proves a phone's number, at {@code /security-info/{slug}/challenges/{challengeId}}: typing it,
 * asking for another, and the confirmation. The challenge is read once per request, with what it proves its number
 * for; one that is not the person's, or proves a number for another type than the slug's, has no page.
 */
@Controller
@RequestMapping("/security-info/{slug:[a-z-]*phone}/challenges/{challengeId}")
class PhoneCodeController {

	private final PhoneRegistration registration;

	private final PhoneNumbers phoneNumbers;

	PhoneCodeController(PhoneRegistration registration, PhoneNumbers phoneNumbers) {
		this.registration = registration;
		this.phoneNumbers = phoneNumbers;
	}

	@ModelAttribute(name = "challenge", binding = false)
	PhoneChallenge challenge(@CurrentUser SignedInUser user, @PathVariable String slug,
			@PathVariable String challengeId) {
		PhoneChallenge challenge = registration.challenge(user.id(), challengeId);
		if (!challenge.type().slug().equals(slug)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return challenge;
	}

	@GetMapping
	String initCodeForm(@ModelAttribute("challenge") PhoneChallenge challenge, Model model) {
		// A right code whose number could not be registered comes back here with why, the challenge verified.
		if (challenge.verified() && !CodeFormErrors.flashed(model, "codeForm")) {
			return "redirect:" + challenge.path() + "/done";
		}
		CodeFormErrors.show(model, "codeForm", new CodeForm());
		return codeView(challenge, model);
	}

	@PostMapping
	String processCodeForm(@CurrentUser SignedInUser user, @ModelAttribute("challenge") PhoneChallenge challenge,
			@Valid @ModelAttribute("codeForm") CodeForm form, BindingResult result, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return codeAgain(challenge, result, redirect);
		}
		Confirmation confirmation;
		try {
			confirmation = registration.confirm(user.id(), challenge, form.getCode());
		}
		catch (DataIntegrityViolationException ex) {
			// Another challenge for this type was confirmed at the same moment and stored its phone first.
			confirmation = Confirmation.failed(challenge.type().alreadyRegisteredKey());
		}
		if (confirmation.registered()) {
			return "redirect:" + challenge.path() + "/done";
		}
		result.rejectValue("code", confirmation.errorKey(), confirmation.errorArgs(), null);
		return codeAgain(challenge, result, redirect);
	}

	@PostMapping("/resend")
	String resendCode(@CurrentUser SignedInUser user, @ModelAttribute("challenge") PhoneChallenge challenge,
			RedirectAttributes redirect) {
		try {
			registration.resendCode(user.id(), challenge);
			redirect.addFlashAttribute("notice", "code.resent");
		}
		catch (ModeNotAllowedException ex) {
			redirect.addFlashAttribute("problem", "phone.mode.not-allowed");
		}
		catch (VerificationRefusedException ex) {
			waitOrProblem(ex, redirect);
		}
		return "redirect:" + challenge.path();
	}

	@GetMapping("/done")
	String registered(@CurrentUser SignedInUser user, @ModelAttribute("challenge") PhoneChallenge challenge,
			HttpSession session, Model model) {
		if (!challenge.verified()) {
			return "redirect:" + challenge.path();
		}
		if (!registration.isRegistered(user.id(), challenge)) {
			// The code was right but the number went to another of the person's phones meanwhile.
			return "redirect:" + challenge.formPath();
		}
		MethodMode mode = challenge.mode();
		model.addAttribute("phoneType", challenge.type());
		model.addAttribute("doneKey",
				challenge.changesNumber() ? "phone.changed." + mode.name() : challenge.type().registeredKey(mode));
		model.addAttribute("doneUrl", RegistrationInterrupt.doneUrl(session));
		return "securityinfo/phone-done";
	}

	/** Back to the code page (a GET), the errors beside an empty field. */
	private static String codeAgain(PhoneChallenge challenge, BindingResult result, RedirectAttributes redirect) {
		CodeFormErrors.flash(redirect, "codeForm", result);
		return "redirect:" + challenge.path();
	}

	private String codeView(PhoneChallenge challenge, Model model) {
		model.addAttribute("phoneType", challenge.type());
		model.addAttribute("challengePath", challenge.path());
		model.addAttribute("formPath", challenge.formPath());
		model.addAttribute("mode", challenge.mode());
		model.addAttribute("number", phoneNumbers.formatInternational(challenge.number().e164()));
		return "securityinfo/phone-code";
	}

	/**
	 * A refused "Resend code": too soon shows beside the button, which looks disabled ({@code resendWait}, the
	 * seconds to wait; {@code fragments/pages :: resendButton}); any other refusal above the page.
	 */
	private static void waitOrProblem(VerificationRefusedException ex, RedirectAttributes redirect) {
		if (ex.refusal() == Refusal.COOLDOWN) {
			redirect.addFlashAttribute("resendWait", ex.secondsToWait());
		}
		else {
			redirect.addFlashAttribute("problem", ex.refusal().messageKey());
			redirect.addFlashAttribute("problemArg", ex.secondsToWait());
		}
	}

}
