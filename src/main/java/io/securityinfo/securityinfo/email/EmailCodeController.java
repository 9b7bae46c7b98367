package io.securityinfo.securityinfo.email;

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

import io.securityinfo.CodeFormErrors;
import io.securityinfo.account.CurrentUser;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.securityinfo.CodeForm;
import io.securityinfo.securityinfo.Confirmation;
import io.securityinfo.securityinfo.interrupt.RegistrationInterrupt;
import io.securityinfo.verification.ChallengeView;
import io.securityinfo.verification.VerificationCodes;
import io.securityinfo.verification.Refusal;
import io.securityinfo.verification.VerificationRefusedException;

/**
 * The code that proves an email address, at {@code /security-info/email/challenges/{challengeId}}: typing it,
 * asking for another, and the confirmation. The challenge is read once per request; a phone's challenge, or another
 * person's, has no page here.
 */
@Controller
@RequestMapping(EmailMethodType.PATH + "/challenges/{challengeId}")
class EmailCodeController {

	private static final String CODE_PAGE = "securityinfo/email-code";

	private final EmailRegistration registration;

	private final VerificationCodes codes;

	EmailCodeController(EmailRegistration registration, VerificationCodes codes) {
		this.registration = registration;
		this.codes = codes;
	}

	@ModelAttribute(name = "challenge", binding = false)
	ChallengeView challenge(@CurrentUser SignedInUser user, @PathVariable String challengeId) {
		return codes.get(user.id(), challengeId, EmailController.EMAIL);
	}

	@GetMapping
	String initCodeForm(@ModelAttribute("challenge") ChallengeView challenge, Model model) {
		if (challenge.verified() && !CodeFormErrors.flashed(model, "codeForm")) {
			return "redirect:" + path(challenge.id()) + "/done";
		}
		CodeFormErrors.show(model, "codeForm", new CodeForm());
		return CODE_PAGE;
	}

	@PostMapping
	String processCodeForm(@CurrentUser SignedInUser user, @ModelAttribute("challenge") ChallengeView challenge,
			@Valid @ModelAttribute("codeForm") CodeForm form, BindingResult result, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return codeAgain(challenge, result, redirect);
		}
		Confirmation confirmation = registration.confirm(user.id(), challenge.id(), form.getCode());
		if (confirmation.registered()) {
			return "redirect:" + path(challenge.id()) + "/done";
		}
		result.rejectValue("code", confirmation.errorKey(), confirmation.errorArgs(), null);
		return codeAgain(challenge, result, redirect);
	}

	/** Back to the code page (a GET), the errors beside an empty field. */
	private static String codeAgain(ChallengeView challenge, BindingResult result, RedirectAttributes redirect) {
		CodeFormErrors.flash(redirect, "codeForm", result);
		return "redirect:" + path(challenge.id());
	}

	@PostMapping("/resend")
	String resendCode(@CurrentUser SignedInUser user, @ModelAttribute("challenge") ChallengeView challenge,
			RedirectAttributes redirect) {
		try {
			codes.resend(user.id(), challenge.id());
			redirect.addFlashAttribute("notice", "code.resent");
		}
		catch (VerificationRefusedException ex) {
			waitOrProblem(ex, redirect);
		}
		return "redirect:" + path(challenge.id());
	}

	@GetMapping("/done")
	String registered(@ModelAttribute("challenge") ChallengeView challenge, HttpSession session, Model model) {
		if (!challenge.verified()) {
			return "redirect:" + path(challenge.id());
		}
		model.addAttribute("doneUrl", RegistrationInterrupt.doneUrl(session));
		return "securityinfo/email-done";
	}

	static String path(String challengeId) {
		return EmailMethodType.PATH + "/challenges/" + challengeId;
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
			redirect.addFlashAttribute("problem", EmailRegistration.messageKey(ex.refusal()));
			redirect.addFlashAttribute("problemArg", ex.secondsToWait());
		}
	}

}
