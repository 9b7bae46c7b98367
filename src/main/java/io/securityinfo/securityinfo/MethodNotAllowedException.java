package io.securityinfo.securityinfo;

/**
 * The policy does not let this person add or change methods of this type, such as security questions switched
 * off: a forged form must change nothing.
 */
public class MethodNotAllowedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public MethodNotAllowedException() {
		super("The policy does not allow this method type for this person");
	}

}
