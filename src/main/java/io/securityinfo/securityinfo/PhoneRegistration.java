package io.securityinfo.securityinfo;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.securityinfo.verification.Channel;
import io.securityinfo.verification.ChallengeView;
import io.securityinfo.verification.CheckResult;
import io.securityinfo.verification.VerificationCodes;

/** Adding a phone: a code to the number first, the method only once the code comes back. */
@Service
class PhoneRegistration {

	/** The outcome of a typed code: registered, or the message key (and arguments) of what went wrong. */
	record Confirmation(boolean registered, String errorKey, Object... errorArgs) {

		static Confirmation done() {
			return new Confirmation(true, null);
		}

		static Confirmation failed(String errorKey, Object... errorArgs) {
			return new Confirmation(false, errorKey, errorArgs);
		}

	}

	private final VerificationCodes codes;

	private final SecurityInfo securityInfo;

	PhoneRegistration(VerificationCodes codes, SecurityInfo securityInfo) {
		this.codes = codes;
		this.securityInfo = securityInfo;
	}

	/**
	 * Sends a code to the number by text or call.
	 * @throws MethodAlreadyRegisteredException when the person has a phone already
	 * @throws ModeNotAllowedException when the policy does not let this person use the mode
	 * @throws io.securityinfo.verification.VerificationRefusedException when a limit or the policy's countries
	 * stand in the way, or the gateway did not take the message
	 */
	ChallengeView sendCode(long accountId, String e164, MethodMode mode) {
		if (!securityInfo.allowedModes(accountId, PhoneMethodType.ID).contains(mode)) {
			throw new ModeNotAllowedException();
		}
		if (securityInfo.hasMethodOfType(accountId, PhoneMethodType.ID)) {
			throw new MethodAlreadyRegisteredException();
		}
		return codes.start(accountId, mode == MethodMode.CALL ? Channel.VOICE : Channel.SMS, e164);
	}

	/**
	 * Sends another code for a challenge, the way the first went.
	 * @throws ModeNotAllowedException when the policy no longer lets this person use that way
	 * @throws io.securityinfo.verification.VerificationRefusedException when a limit or the policy's countries
	 * stand in the way, or the gateway did not take the message
	 */
	ChallengeView resendCode(long accountId, String challengeId) {
		ChallengeView challenge = codes.get(accountId, challengeId);
		if (!securityInfo.allowedModes(accountId, PhoneMethodType.ID).contains(modeOf(challenge.channel()))) {
			throw new ModeNotAllowedException();
		}
		return codes.resend(accountId, challengeId);
	}

	/** Checks the code and, when it is right, stores the phone in the same transaction. */
	@Transactional
	Confirmation confirm(long accountId, String challengeId, String code) {
		CheckResult result = codes.check(accountId, challengeId, code);
		if (result instanceof CheckResult.Verified verified) {
			if (securityInfo.hasMethodOfType(accountId, PhoneMethodType.ID)) {
				return Confirmation.failed("phone.already-registered");
			}
			if (!securityInfo.allowedModes(accountId, PhoneMethodType.ID).contains(modeOf(verified.channel()))) {
				return Confirmation.failed("phone.mode.not-allowed");
			}
			securityInfo.register(accountId, PhoneMethodType.ID, verified.destination(), modeOf(verified.channel()));
			return Confirmation.done();
		}
		if (result instanceof CheckResult.AlreadyVerified already) {
			return securityInfo.isRegistered(accountId, PhoneMethodType.ID, already.destination())
					? Confirmation.done() : Confirmation.failed("code.already-used");
		}
		if (result instanceof CheckResult.Wrong wrong) {
			return Confirmation.failed("code.wrong", wrong.attemptsLeft());
		}
		if (result instanceof CheckResult.Exhausted) {
			return Confirmation.failed("code.exhausted");
		}
		if (result instanceof CheckResult.Expired) {
			return Confirmation.failed("code.expired");
		}
		return Confirmation.failed("verification.refused.locked-out");
	}

	static MethodMode modeOf(Channel channel) {
		return channel == Channel.VOICE ? MethodMode.CALL : MethodMode.TEXT;
	}

}
