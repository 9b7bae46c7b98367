package io.securityinfo.securityinfo;

/**
 * The policy does not let this person add or change methods of this type, such as security questions switched
 * off: a forged form must change nothing.
 */
class MethodNotAllowedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	MethodNotAllowedException() {
		super("The policy does not allow this method type for this person");
	}

}
