package io.securityinfo.securityinfo.app;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.securityinfo.account.CurrentUser;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.securityinfo.ModeNotAllowedException;
import io.securityinfo.totp.AuthenticatorApps;

/**
 * "Authenticator app": getting the app, and a new set-up with a new secret; "Change" on a registered app leads here
 * too. The set-up itself (its QR code aside) is {@link AuthenticatorAppEnrolmentController}'s.
 */
@Controller
@RequestMapping(AuthenticatorAppMethodType.PATH)
class AuthenticatorAppController {

	static final String ENROLMENTS = AuthenticatorAppMethodType.PATH + "/enrolments/";

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

	/**
	 * The QR code, for this person's open set-up only, read with its secret in one go. Never cached: it holds the
	 * secret.
	 */
	@GetMapping("/enrolments/{enrolmentId}/qr.png")
	ResponseEntity<byte[]> qrCode(@CurrentUser SignedInUser user, @PathVariable String enrolmentId) {
		byte[] png = apps.qrCode(user.id(), enrolmentId, user.email());
		return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore()).body(png);
	}

	static String notAllowed(RedirectAttributes redirect) {
		redirect.addFlashAttribute("problem", "authenticator.not-allowed");
		return "redirect:/security-info/add";
	}

}
