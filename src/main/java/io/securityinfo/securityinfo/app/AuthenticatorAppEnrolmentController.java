package io.securityinfo.securityinfo.app;

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
import io.securityinfo.securityinfo.interrupt.RegistrationInterrupt;
import io.securityinfo.totp.AuthenticatorApps;
import io.securityinfo.totp.EnrolmentView;

/**
 * An authenticator app's set-up, at {@code /security-info/authenticator-app/enrolments/{enrolmentId}}: scanning its
 * QR code (or typing its secret), the app's first code, and the confirmation. The set-up is read once per request;
 * another person's has no page.
 */
@Controller
@RequestMapping(AuthenticatorAppController.ENROLMENTS + "{enrolmentId}")
class AuthenticatorAppEnrolmentController {

	private static final String CODE_PAGE = "securityinfo/authenticator-app-code";

	private final AuthenticatorAppRegistration registration;

	private final AuthenticatorApps apps;

	AuthenticatorAppEnrolmentController(AuthenticatorAppRegistration registration, AuthenticatorApps apps) {
		this.registration = registration;
		this.apps = apps;
	}

	@ModelAttribute(name = "enrolment", binding = false)
	EnrolmentView enrolment(@CurrentUser SignedInUser user, @PathVariable String enrolmentId) {
		return apps.get(user.id(), enrolmentId);
	}

	/** "Set up your account": the QR code, and the secret for those who cannot scan it. */
	@GetMapping
	String setUp(@CurrentUser SignedInUser user, @ModelAttribute("enrolment") EnrolmentView enrolment, Model model,
			RedirectAttributes redirect) {
		if (enrolment.state() != EnrolmentView.State.OPEN) {
			return leaveClosed(enrolment, redirect);
		}
		model.addAttribute("accountLabel", apps.accountLabel(user.email()));
		return "securityinfo/authenticator-app-setup";
	}

	/** "Enter code" */
	@GetMapping("/code")
	String initCodeForm(@ModelAttribute("enrolment") EnrolmentView enrolment, Model model,
			RedirectAttributes redirect) {
		if (enrolment.state() != EnrolmentView.State.OPEN) {
			return leaveClosed(enrolment, redirect);
		}
		CodeFormErrors.show(model, "appCodeForm", new AppCodeForm());
		return CODE_PAGE;
	}

	@PostMapping("/code")
	String processCodeForm(@CurrentUser SignedInUser user, @ModelAttribute("enrolment") EnrolmentView enrolment,
			@Valid @ModelAttribute("appCodeForm") AppCodeForm form, BindingResult result, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return codeAgain(enrolment, result, redirect);
		}
		AuthenticatorAppRegistration.Confirmation confirmation = registration.confirm(user.id(), enrolment.id(),
				form.getCode());
		switch (confirmation.outcome()) {
			case REGISTERED -> {
				return "redirect:" + AuthenticatorAppController.ENROLMENTS + enrolment.id() + "/done";
			}
			case WRONG -> {
				result.rejectValue("code", "code.wrong", new Object[] { confirmation.attemptsLeft() }, null);
				return codeAgain(enrolment, result, redirect);
			}
			case NOT_ALLOWED -> {
				return AuthenticatorAppController.notAllowed(redirect);
			}
			case EXPIRED -> {
				return startAgain("authenticator.expired", redirect);
			}
			default -> {
				return startAgain("authenticator.ended", redirect);
			}
		}
	}

	@GetMapping("/done")
	String registered(@ModelAttribute("enrolment") EnrolmentView enrolment, HttpSession session, Model model) {
		if (enrolment.state() != EnrolmentView.State.CONFIRMED) {
			return "redirect:" + AuthenticatorAppController.ENROLMENTS + enrolment.id() + "/code";
		}
		model.addAttribute("doneUrl", RegistrationInterrupt.doneUrl(session));
		return "securityinfo/authenticator-app-done";
	}

	/** Back to the code page (a GET), the errors beside an empty field. */
	private static String codeAgain(EnrolmentView enrolment, BindingResult result, RedirectAttributes redirect) {
		CodeFormErrors.flash(redirect, "appCodeForm", result);
		return "redirect:" + AuthenticatorAppController.ENROLMENTS + enrolment.id() + "/code";
	}

	/** A set-up that takes no more codes: done, or back to the start for a new secret. */
	private static String leaveClosed(EnrolmentView enrolment, RedirectAttributes redirect) {
		return switch (enrolment.state()) {
			case CONFIRMED -> "redirect:" + AuthenticatorAppController.ENROLMENTS + enrolment.id() + "/done";
			case EXPIRED -> startAgain("authenticator.expired", redirect);
			default -> startAgain("authenticator.ended", redirect);
		};
	}

	private static String startAgain(String problemKey, RedirectAttributes redirect) {
		redirect.addFlashAttribute("problem", problemKey);
		return "redirect:" + AuthenticatorAppMethodType.PATH;
	}

}
