package io.securityinfo.verification;

/** A code that was not sent because a limit or the provider stood in the way; nothing was stored. */
public class VerificationRefusedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final Refusal refusal;

	private final long secondsToWait;

	VerificationRefusedException(Refusal refusal, long secondsToWait) {
		super(refusal.name());
		this.refusal = refusal;
		this.secondsToWait = secondsToWait;
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

}
