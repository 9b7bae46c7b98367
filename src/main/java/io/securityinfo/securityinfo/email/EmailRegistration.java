package io.securityinfo.securityinfo.email;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.securityinfo.ChangeRefused;
import io.securityinfo.securityinfo.Confirmation;
import io.securityinfo.securityinfo.SecurityInfo;
import io.securityinfo.account.Accounts;
import io.securityinfo.email.EmailAddresses;
import io.securityinfo.policy.MethodPolicy;
import io.securityinfo.verification.ChallengeView;
import io.securityinfo.verification.Channel;
import io.securityinfo.verification.CheckResult;
import io.securityinfo.verification.Refusal;
import io.securityinfo.verification.VerificationCodes;

/**
 * Adding or changing the email for password reset: a code to the address first, and the address stored (or put in
 * place of the old one) only once the code comes back, so nothing unproven is ever kept.
 */
@Service
class EmailRegistration {

	/** The policy does not let this person use email for password reset. */
	static class NotAllowedException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		NotAllowedException() {
			super("The policy does not allow email for this person");
		}

	}

	/** An address that can't be this person's email for password reset; the message key says why. */
	static class AddressRefusedException extends ChangeRefused {

		private static final long serialVersionUID = 1L;

		AddressRefusedException(String messageKey) {
			super(messageKey);
		}

	}

	private final VerificationCodes codes;

	private final SecurityInfo securityInfo;

	private final EmailMethodType type;

	private final MethodPolicy policy;

	private final Accounts accounts;

	EmailRegistration(VerificationCodes codes, SecurityInfo securityInfo, EmailMethodType type, MethodPolicy policy,
			Accounts accounts) {
		this.codes = codes;
		this.securityInfo = securityInfo;
		this.type = type;
		this.policy = policy;
		this.accounts = accounts;
	}

	/** Whether the policy lets this person add, change and use an email for password reset. */
	boolean isAllowed(long accountId) {
		return type.isAllowed(policy.allowedFor(accountId));
	}

	/**
	 * Sends a code to the address.
	 * @throws NotAllowedException when the policy does not let this person use email
	 * @throws AddressRefusedException when the address is the person's work email, or already their email for
	 * password reset
	 * @throws io.securityinfo.verification.VerificationRefusedException when a limit stands in the way or the mail
	 * server did not take the message
	 */
	ChallengeView sendCode(long accountId, String address) {
		if (!isAllowed(accountId)) {
			throw new NotAllowedException();
		}
		String normalized = EmailAddresses.normalize(address);
		// A code to the work mailbox proves nothing new: whoever has taken over the account may well read it.
		boolean workEmail = accounts.find(accountId)
			.map(account -> EmailAddresses.normalize(account.email()).equals(normalized))
			.orElse(false);
		if (workEmail) {
			throw new AddressRefusedException("email.address.work-email");
		}
		if (securityInfo.isRegistered(accountId, EmailMethodType.ID, normalized)) {
			throw new AddressRefusedException("email.address.already-registered");
		}
		return codes.start(accountId, Channel.EMAIL, normalized);
	}

	/** What the person is told of a refusal: those that speak of "this number" have their own words for an address. */
	static String messageKey(Refusal refusal) {
		return switch (refusal) {
			case NUMBER_LIMIT -> "email.refused.address-limit";
			case SEND_FAILED -> "email.refused.send-failed";
			case SEND_UNAVAILABLE -> "email.refused.send-unavailable";
			default -> refusal.messageKey();
		};
	}

	/**
	 * Checks the code and, when it is right, stores the address in the same transaction: as a new method, or in
	 * place of the address the person had.
	 */
	@Transactional
	Confirmation confirm(long accountId, String challengeId, String code) {
		CheckResult result = codes.check(accountId, challengeId, code);
		if (result instanceof CheckResult.Verified verified) {
			if (!isAllowed(accountId)) {
				return Confirmation.failed("email.not-allowed");
			}
			if (securityInfo.hasMethodOfType(accountId, EmailMethodType.ID)) {
				securityInfo.changeDetail(accountId, EmailMethodType.ID, verified.destination());
			}
			else {
				securityInfo.register(accountId, EmailMethodType.ID, verified.destination(), null);
			}
			return Confirmation.done();
		}
		if (result instanceof CheckResult.AlreadyVerified already) {
			return securityInfo.isRegistered(accountId, EmailMethodType.ID, already.destination())
					? Confirmation.done() : Confirmation.failed("code.already-used");
		}
		return Confirmation.failed(result.messageKey("code."), result.messageArguments());
	}

}
