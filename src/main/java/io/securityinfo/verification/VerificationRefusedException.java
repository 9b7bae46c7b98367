package io.securityinfo.verification;

/** A code that was not sent because a limit or the provider stood in the way; nothing was stored. */
public class VerificationRefusedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final Refusal refusal;

	private final long secondsToWait;

	private final String messageKey;

	VerificationRefusedException(Refusal refusal, long secondsToWait, String messageKey) {
		super(refusal.name());
		this.refusal = refusal;
		this.secondsToWait = secondsToWait;
		this.messageKey = messageKey;
	}

	VerificationRefusedException(Refusal refusal, long secondsToWait) {
		this(refusal, secondsToWait, refusal.messageKey());
	}

	VerificationRefusedException(Refusal refusal) {
		this(refusal, 0);
	}

	public Refusal refusal() {
		return refusal;
	}

	/** For {@link Refusal#COOLDOWN}: how long until a new code can be sent. */
	public long secondsToWait() {
		return secondsToWait;
	}

	/**
	 * What the person is told: the {@link Refusal}'s message, or for {@link Refusal#NUMBER_TYPE_NOT_ALLOWED} what
	 * kind of number it is and why that kind can't receive codes this way (see
	 * {@link io.securityinfo.phone.PhoneNumbers#refusalFor}).
	 */
	public String messageKey() {
		return messageKey;
	}

}
