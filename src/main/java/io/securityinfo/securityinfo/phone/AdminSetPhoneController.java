package io.securityinfo.securityinfo.phone;

import java.util.NoSuchElementException;
import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.securityinfo.account.CurrentUser;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.securityinfo.AdministratorSetPhones;
import io.securityinfo.securityinfo.MethodAlreadyRegisteredException;
import io.securityinfo.securityinfo.ModeNotAllowedException;
import io.securityinfo.verification.ChallengeView;
import io.securityinfo.verification.VerificationRefusedException;

/**
 * "Confirm this number" on Security info, for a number an administrator set: a code goes to it, and the Phone flow's
 * code page takes it from there.
 */
@Controller
class AdminSetPhoneController {

	private final AdminSetPhones phones;

	private final PhoneMethodType phone;

	AdminSetPhoneController(AdminSetPhones phones, PhoneMethodType phone) {
		this.phones = phones;
		this.phone = phone;
	}

	/** Asked once after sign-in ({@link AdminSetPhoneStep}): confirm the number now, or not now. */
	@GetMapping(AdminSetPhones.CONFIRM_PATH)
	String initConfirmation(@CurrentUser SignedInUser user, Model model) {
		Optional<AdministratorSetPhones.Pending> pending = phones.pending(user.id());
		if (pending.isEmpty()) {
			return "redirect:/security-info";
		}
		model.addAttribute("pendingPhone", pending.get());
		return "securityinfo/admin-set-phone";
	}

	@PostMapping(AdminSetPhones.CONFIRM_PATH)
	String sendCode(@CurrentUser SignedInUser user, RedirectAttributes redirect) {
		try {
			ChallengeView challenge = phones.sendCode(user.id());
			return "redirect:" + PhoneChallenge.path(phone, challenge.id());
		}
		catch (NoSuchElementException | MethodAlreadyRegisteredException ex) {
			return "redirect:/security-info";
		}
		catch (ModeNotAllowedException ex) {
			redirect.addFlashAttribute("problem", "phone.not-allowed");
		}
		catch (NumberInUseException ex) {
			redirect.addFlashAttribute("problem", "securityinfo.admin-set.in-use");
		}
		catch (VerificationRefusedException ex) {
			redirect.addFlashAttribute("problem", ex.messageKey());
			redirect.addFlashAttribute("problemArg", ex.secondsToWait());
		}
		return "redirect:/security-info";
	}

}
