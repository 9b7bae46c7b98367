package io.securityinfo.totp;

/**
 * A set-up as its pages show it. The secret is there only while the set-up is open: it is what the person copies
 * into their app when they cannot scan the QR code.
 *
 * @param secret the secret in Base32, as apps take it; null once the set-up is no longer open
 */
public record EnrolmentView(String id, State state, String secret) {

	/** Where a set-up stands. */
	public enum State {

		/** Waiting for the app's first code. */
		OPEN,
		/** A right code came: the app is registered. */
		CONFIRMED,
		/** Too many wrong codes: the person starts again. */
		ENDED,
		/** Its lifetime passed before a right code came. */
		EXPIRED

	}

	/** The secret in groups of four characters, easier to copy by hand. */
	public String secretInGroups() {
		return secret == null ? null : secret.replaceAll("(.{4})(?=.)", "$1 ");
	}

	/** Keeps the secret out of logs and failure messages that print a set-up. */
	@Override
	public String toString() {
		return "EnrolmentView[id=" + id + ", state=" + state + ", secret=" + (secret == null ? null : "******") + "]";
	}

}
