package io.securityinfo.securityinfo;

/** A default that the chosen method cannot be used as, such as a call to a method that only takes texts. */
class InvalidDefaultChoiceException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	InvalidDefaultChoiceException() {
		super("The method cannot be used that way");
	}

}
