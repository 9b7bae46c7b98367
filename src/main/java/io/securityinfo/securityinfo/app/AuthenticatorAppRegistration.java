package io.securityinfo.securityinfo.app;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.securityinfo.securityinfo.MethodMode;
import io.securityinfo.securityinfo.MethodView;
import io.securityinfo.securityinfo.ModeNotAllowedException;
import io.securityinfo.securityinfo.SecurityInfo;
import io.securityinfo.totp.AuthenticatorApps;
import io.securityinfo.totp.EnrolmentResult;
import io.securityinfo.totp.EnrolmentView;

/**
 * Adding an authenticator app, or replacing one: the app's first code first, the method only once the code is
 * right. A replaced app keeps working until then, and the method keeps its place as the default.
 */
@Service
class AuthenticatorAppRegistration {

	/** What a typed code led to. */
	enum Outcome {

		REGISTERED, WRONG, ENDED, EXPIRED, NOT_ALLOWED

	}

	/** The outcome, and for a wrong code how many more codes the set-up takes. */
	record Confirmation(Outcome outcome, int attemptsLeft) {

		static Confirmation of(Outcome outcome) {
			return new Confirmation(outcome, 0);
		}

	}

	private final AuthenticatorApps apps;

	private final SecurityInfo securityInfo;

	AuthenticatorAppRegistration(AuthenticatorApps apps, SecurityInfo securityInfo) {
		this.apps = apps;
		this.securityInfo = securityInfo;
	}

	boolean isAllowed(long accountId) {
		return !securityInfo.allowedModes(accountId, AuthenticatorAppMethodType.ID).isEmpty();
	}

	boolean hasApp(long accountId) {
		return securityInfo.hasMethodOfType(accountId, AuthenticatorAppMethodType.ID);
	}

	/**
	 * Starts setting up an app with a new secret.
	 * @throws ModeNotAllowedException when the policy does not let this person use authenticator apps
	 */
	EnrolmentView start(long accountId) {
		if (!isAllowed(accountId)) {
			throw new ModeNotAllowedException();
		}
		return apps.start(accountId);
	}

	/** Checks the app's first code and, when it is right, stores the app in the same transaction. */
	@Transactional
	Confirmation confirm(long accountId, String enrolmentId, String code) {
		if (!isAllowed(accountId)) {
			return Confirmation.of(Outcome.NOT_ALLOWED);
		}
		EnrolmentResult result = apps.confirm(accountId, enrolmentId, code);
		if (result instanceof EnrolmentResult.Confirmed) {
			MethodView existing = securityInfo.overview(accountId)
				.methods()
				.stream()
				.filter(method -> method.typeId().equals(AuthenticatorAppMethodType.ID))
				.findFirst()
				.orElse(null);
			if (existing == null) {
				MethodView added = securityInfo.register(accountId, AuthenticatorAppMethodType.ID,
						AuthenticatorAppMethodType.DETAIL, AuthenticatorAppMethodType.APP_CODE);
				apps.keep(accountId, enrolmentId, added.id());
			}
			else {
				apps.keep(accountId, enrolmentId, existing.id());
				securityInfo.publishAppReplaced(accountId, AuthenticatorAppMethodType.ID);
			}
			return Confirmation.of(Outcome.REGISTERED);
		}
		if (result instanceof EnrolmentResult.AlreadyConfirmed) {
			return Confirmation.of(Outcome.REGISTERED);
		}
		if (result instanceof EnrolmentResult.Wrong wrong) {
			return new Confirmation(Outcome.WRONG, wrong.attemptsLeft());
		}
		if (result instanceof EnrolmentResult.Expired) {
			return Confirmation.of(Outcome.EXPIRED);
		}
		return Confirmation.of(Outcome.ENDED);
	}

}
