package io.securityinfo.passkey;

/** The person already keeps as many passkeys as {@code app.passkeys.max-per-person} allows. */
public class PasskeyLimitReachedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final int limit;

	PasskeyLimitReachedException(int limit) {
		super("At most " + limit + " passkeys");
		this.limit = limit;
	}

	public int limit() {
		return limit;
	}

}
