package io.securityinfo.securityinfo;

/**
 * The outcome of a code typed to prove a new method or detail: registered, or the message key (and arguments) of
 * what went wrong.
 */
public record Confirmation(boolean registered, String errorKey, Object... errorArgs) {

	public static Confirmation done() {
		return new Confirmation(true, null);
	}

	public static Confirmation failed(String errorKey, Object... errorArgs) {
		return new Confirmation(false, errorKey, errorArgs);
	}

}
