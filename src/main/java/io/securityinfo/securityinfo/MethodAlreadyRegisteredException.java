package io.securityinfo.securityinfo;

/** The person already has a method of this type; each type is registered once. */
public class MethodAlreadyRegisteredException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public MethodAlreadyRegisteredException() {
		super("A method of this type is registered already");
	}

}
