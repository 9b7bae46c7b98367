package io.securityinfo.securityinfo.email;

import java.util.Optional;
import java.util.Set;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.securityinfo.account.CurrentUser;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.verification.ChallengeView;
import io.securityinfo.verification.Channel;
import io.securityinfo.verification.VerificationCodes;
import io.securityinfo.verification.VerificationRefusedException;

/**
 * "Email": the address. The same page adds an email and changes it ("Change" on Security info leads here): either
 * way the address is stored only once its code comes back ({@link EmailCodeController}).
 */
@Controller
@RequestMapping(EmailMethodType.PATH)
class EmailController {

	static final Set<Channel> EMAIL = Set.of(Channel.EMAIL);

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
			return "redirect:" + EmailCodeController.path(challenge.id());
		}
		catch (EmailRegistration.NotAllowedException ex) {
			return notAllowed(redirect);
		}
		catch (EmailRegistration.AddressRefusedException ex) {
			result.rejectValue("email", ex.messageKey());
		}
		catch (VerificationRefusedException ex) {
			result.rejectValue("email", EmailRegistration.messageKey(ex.refusal()),
					new Object[] { ex.secondsToWait() }, null);
		}
		return "securityinfo/email";
	}

	private static String notAllowed(RedirectAttributes redirect) {
		redirect.addFlashAttribute("problem", "email.not-allowed");
		return "redirect:/security-info/add";
	}

}
