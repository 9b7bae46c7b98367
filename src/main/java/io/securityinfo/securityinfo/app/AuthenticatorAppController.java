package io.securityinfo.securityinfo.app;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.securityinfo.securityinfo.interrupt.RegistrationInterrupt;
import io.securityinfo.securityinfo.ModeNotAllowedException;
import io.securityinfo.account.CurrentUser;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.totp.AuthenticatorApps;
import io.securityinfo.totp.EnrolmentView;

/**
 * "Authenticator app": getting the app, scanning its QR code (or typing its secret), the app's first code, and the
 * confirmation. "Change" on a registered app leads here too.
 */
@Controller
@RequestMapping(AuthenticatorAppMethodType.PATH)
class AuthenticatorAppController {

	private static final String ENROLMENTS = AuthenticatorAppMethodType.PATH + "/enrolments/";

	private final AuthenticatorAppRegistration registration;

	private final AuthenticatorApps apps;

	AuthenticatorAppController(AuthenticatorAppRegistration registration, AuthenticatorApps apps) {
		this.registration = registration;
		this.apps = apps;
	}

	/** "Start by getting the app" */
	@GetMapping
	String initStart(@CurrentUser SignedInUser user, Model model, RedirectAttributes redirect) {
		if (!registration.isAllowed(user.id())) {
			return notAllowed(redirect);
		}
		model.addAttribute("replacing", registration.hasApp(user.id()));
		return "securityinfo/authenticator-app";
	}

	@PostMapping
	String processStart(@CurrentUser SignedInUser user, RedirectAttributes redirect) {
		try {
			return "redirect:" + ENROLMENTS + registration.start(user.id()).id();
		}
		catch (ModeNotAllowedException ex) {
			return notAllowed(redirect);
		}
	}

	/** "Set up your account": the QR code, and the secret for those who cannot scan it. */
	@GetMapping("/enrolments/{enrolmentId}")
	String setUp(@CurrentUser SignedInUser user, @PathVariable String enrolmentId, Model model,
			RedirectAttributes redirect) {
		EnrolmentView enrolment = apps.get(user.id(), enrolmentId);
		if (enrolment.state() != EnrolmentView.State.OPEN) {
			return leaveClosed(enrolment, redirect);
		}
		model.addAttribute("enrolment", enrolment);
		model.addAttribute("accountLabel", apps.accountLabel(user.email()));
		return "securityinfo/authenticator-app-setup";
	}

	/**
	 * The QR code, for this person's open set-up only. Never cached: it holds the secret.
	 */
	@GetMapping("/enrolments/{enrolmentId}/qr.png")
	ResponseEntity<byte[]> qrCode(@CurrentUser SignedInUser user, @PathVariable String enrolmentId) {
		byte[] png = apps.qrCode(user.id(), enrolmentId, user.email());
		return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore()).body(png);
	}

	/** "Enter code" */
	@GetMapping("/enrolments/{enrolmentId}/code")
	String initCodeForm(@CurrentUser SignedInUser user, @PathVariable String enrolmentId, Model model,
			RedirectAttributes redirect) {
		EnrolmentView enrolment = apps.get(user.id(), enrolmentId);
		if (enrolment.state() != EnrolmentView.State.OPEN) {
			return leaveClosed(enrolment, redirect);
		}
		model.addAttribute("appCodeForm", new AppCodeForm());
		return codeView(enrolment, model);
	}

	@PostMapping("/enrolments/{enrolmentId}/code")
	String processCodeForm(@CurrentUser SignedInUser user, @PathVariable String enrolmentId,
			@Valid @ModelAttribute("appCodeForm") AppCodeForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		EnrolmentView enrolment = apps.get(user.id(), enrolmentId);
		if (result.hasErrors()) {
			return codeView(enrolment, model);
		}
		AuthenticatorAppRegistration.Confirmation confirmation = registration.confirm(user.id(), enrolmentId,
				form.getCode());
		switch (confirmation.outcome()) {
			case REGISTERED -> {
				return "redirect:" + ENROLMENTS + enrolmentId + "/done";
			}
			case WRONG -> {
				result.rejectValue("code", "code.wrong", new Object[] { confirmation.attemptsLeft() }, null);
				return codeView(enrolment, model);
			}
			case NOT_ALLOWED -> {
				return notAllowed(redirect);
			}
			case EXPIRED -> {
				return startAgain("authenticator.expired", redirect);
			}
			default -> {
				return startAgain("authenticator.ended", redirect);
			}
		}
	}

	@GetMapping("/enrolments/{enrolmentId}/done")
	String registered(@CurrentUser SignedInUser user, @PathVariable String enrolmentId, HttpSession session,
			Model model) {
		EnrolmentView enrolment = apps.get(user.id(), enrolmentId);
		if (enrolment.state() != EnrolmentView.State.CONFIRMED) {
			return "redirect:" + ENROLMENTS + enrolmentId + "/code";
		}
		model.addAttribute("doneUrl", RegistrationInterrupt.doneUrl(session));
		return "securityinfo/authenticator-app-done";
	}

	private String codeView(EnrolmentView enrolment, Model model) {
		model.addAttribute("enrolment", enrolment);
		return "securityinfo/authenticator-app-code";
	}

	/** A set-up that takes no more codes: done, or back to the start for a new secret. */
	private String leaveClosed(EnrolmentView enrolment, RedirectAttributes redirect) {
		return switch (enrolment.state()) {
			case CONFIRMED -> "redirect:" + ENROLMENTS + enrolment.id() + "/done";
			case EXPIRED -> startAgain("authenticator.expired", redirect);
			default -> startAgain("authenticator.ended", redirect);
		};
	}

	private static String startAgain(String problemKey, RedirectAttributes redirect) {
		redirect.addFlashAttribute("problem", problemKey);
		return "redirect:" + AuthenticatorAppMethodType.PATH;
	}

	private static String notAllowed(RedirectAttributes redirect) {
		redirect.addFlashAttribute("problem", "authenticator.not-allowed");
		return "redirect:/security-info/add";
	}

}
