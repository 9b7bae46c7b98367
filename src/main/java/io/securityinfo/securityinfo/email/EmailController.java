package io.securityinfo.securityinfo.email;

import java.util.Optional;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.securityinfo.securityinfo.Confirmation;
import io.securityinfo.securityinfo.CodeForm;
import io.securityinfo.securityinfo.interrupt.RegistrationInterrupt;
import io.securityinfo.account.CurrentUser;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.verification.ChallengeView;
import io.securityinfo.verification.Channel;
import io.securityinfo.verification.Refusal;
import io.securityinfo.verification.VerificationCodes;
import io.securityinfo.verification.VerificationRefusedException;

/**
 * "Email": the address, the code that proves it, and the confirmation. The same pages add an email and change it
 * ("Change" on Security info leads here): either way the address is stored only once its code comes back.
 */
@Controller
@RequestMapping(EmailMethodType.PATH)
class EmailController {

	private static final Set<Channel> EMAIL = Set.of(Channel.EMAIL);

	private final EmailRegistration registration;

	private final VerificationCodes codes;

	EmailController(EmailRegistration registration, VerificationCodes codes) {
		this.registration = registration;
		this.codes = codes;
	}

	@GetMapping
	String initEmailForm(@CurrentUser SignedInUser user, @RequestParam Optional<String> challenge, Model model,
			RedirectAttributes redirect) {
		if (!registration.isAllowed(user.id())) {
			return notAllowed(redirect);
		}
		EmailForm form = new EmailForm();
		// "Back" from the code page: the address typed before, to correct it.
		challenge.flatMap(id -> codes.find(user.id(), id, EMAIL))
			.map(ChallengeView::destination)
			.ifPresent(form::setEmail);
		model.addAttribute("emailForm", form);
		return "securityinfo/email";
	}

	@PostMapping
	String processEmailForm(@CurrentUser SignedInUser user, @Valid @ModelAttribute("emailForm") EmailForm form,
			BindingResult result, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return "securityinfo/email";
		}
		try {
			ChallengeView challenge = registration.sendCode(user.id(), form.getEmail());
			return "redirect:" + EmailMethodType.PATH + "/challenges/" + challenge.id();
		}
		catch (EmailRegistration.NotAllowedException ex) {
			return notAllowed(redirect);
		}
		catch (EmailRegistration.AddressRefusedException ex) {
			result.rejectValue("email", ex.messageKey());
		}
		catch (VerificationRefusedException ex) {
			result.rejectValue("email", messageKey(ex.refusal()), new Object[] { ex.secondsToWait() }, null);
		}
		return "securityinfo/email";
	}

	@GetMapping("/challenges/{challengeId}")
	String initCodeForm(@CurrentUser SignedInUser user, @PathVariable String challengeId, Model model) {
		ChallengeView challenge = owned(user, challengeId);
		if (challenge.verified()) {
			return "redirect:" + EmailMethodType.PATH + "/challenges/" + challengeId + "/done";
		}
		model.addAttribute("codeForm", new CodeForm());
		model.addAttribute("challenge", challenge);
		return "securityinfo/email-code";
	}

	@PostMapping("/challenges/{challengeId}")
	String processCodeForm(@CurrentUser SignedInUser user, @PathVariable String challengeId,
			@Valid @ModelAttribute("codeForm") CodeForm form, BindingResult result, Model model) {
		ChallengeView challenge = owned(user, challengeId);
		model.addAttribute("challenge", challenge);
		if (result.hasErrors()) {
			return "securityinfo/email-code";
		}
		Confirmation confirmation = registration.confirm(user.id(), challengeId, form.getCode());
		if (confirmation.registered()) {
			return "redirect:" + EmailMethodType.PATH + "/challenges/" + challengeId + "/done";
		}
		result.rejectValue("code", confirmation.errorKey(), confirmation.errorArgs(), null);
		return "securityinfo/email-code";
	}

	@PostMapping("/challenges/{challengeId}/resend")
	String resendCode(@CurrentUser SignedInUser user, @PathVariable String challengeId,
			RedirectAttributes redirect) {
		owned(user, challengeId);
		try {
			codes.resend(user.id(), challengeId);
			redirect.addFlashAttribute("notice", "code.resent");
		}
		catch (VerificationRefusedException ex) {
			redirect.addFlashAttribute("problem", messageKey(ex.refusal()));
			redirect.addFlashAttribute("problemArg", ex.secondsToWait());
		}
		return "redirect:" + EmailMethodType.PATH + "/challenges/" + challengeId;
	}

	@GetMapping("/challenges/{challengeId}/done")
	String registered(@CurrentUser SignedInUser user, @PathVariable String challengeId, HttpSession session,
			Model model) {
		ChallengeView challenge = owned(user, challengeId);
		if (!challenge.verified()) {
			return "redirect:" + EmailMethodType.PATH + "/challenges/" + challengeId;
		}
		model.addAttribute("doneUrl", RegistrationInterrupt.doneUrl(session));
		return "securityinfo/email-done";
	}

	private static String notAllowed(RedirectAttributes redirect) {
		redirect.addFlashAttribute("problem", "email.not-allowed");
		return "redirect:/security-info/add";
	}

	/** The refusals that speak of "this number" have their own words for an address. */
	private static String messageKey(Refusal refusal) {
		return switch (refusal) {
			case NUMBER_LIMIT -> "email.refused.address-limit";
			case SEND_FAILED -> "email.refused.send-failed";
			case SEND_UNAVAILABLE -> "email.refused.send-unavailable";
			default -> refusal.messageKey();
		};
	}

	/** This person's email challenge; a phone's challenge is not found here. */
	private ChallengeView owned(SignedInUser user, String challengeId) {
		return codes.get(user.id(), challengeId, EMAIL);
	}

}
