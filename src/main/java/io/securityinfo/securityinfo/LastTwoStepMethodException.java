package io.securityinfo.securityinfo;

/**
 * The person must sign in with two-step verification and this is the last method they can do it with, so it stays.
 */
public class LastTwoStepMethodException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	LastTwoStepMethodException() {
		super("The last two-step method cannot be deleted while two-step verification is required");
	}

}
