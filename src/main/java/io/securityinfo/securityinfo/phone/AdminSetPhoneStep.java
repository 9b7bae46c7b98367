package io.securityinfo.securityinfo.phone;

import java.util.Optional;

import jakarta.servlet.http.HttpSession;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.securityinfo.account.SignInStep;
import io.securityinfo.account.SignedInUser;

/**
 * After sign-in, once: "Your administrator set a phone number for you", with "Confirm this number" and "Not now",
 * while a number an administrator set waits for the person's code. Shown once a session; Security info keeps
 * offering it after that. Asked before the registration interrupt: confirming the number may be all it would ask.
 */
@Component
@Order(5)
class AdminSetPhoneStep implements SignInStep {

	private static final String SHOWN_ATTRIBUTE = AdminSetPhoneStep.class.getName() + ".shown";

	private final AdminSetPhones phones;

	AdminSetPhoneStep(AdminSetPhones phones) {
		this.phones = phones;
	}

	@Override
	public Optional<String> pendingPage(SignedInUser user, HttpSession session) {
		if (session.getAttribute(SHOWN_ATTRIBUTE) != null || phones.pending(user.id()).isEmpty()) {
			return Optional.empty();
		}
		session.setAttribute(SHOWN_ATTRIBUTE, Boolean.TRUE);
		return Optional.of(AdminSetPhones.CONFIRM_PATH);
	}

	@Override
	public boolean allows(String path) {
		return path.startsWith(AdminSetPhones.CONFIRM_PATH);
	}

}
