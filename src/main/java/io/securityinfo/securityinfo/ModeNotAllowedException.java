package io.securityinfo.securityinfo;

/** The policy does not let this person use the chosen mode, such as "Text me a code" with SMS switched off. */
public class ModeNotAllowedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public ModeNotAllowedException() {
		super("The policy does not allow this mode for this person");
	}

}
