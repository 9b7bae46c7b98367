package io.securityinfo.securityinfo;

/**
 * One way a person can give a second factor: a method and a mode the policy allows, such as "Phone - text".
 *
 * @param destination the number a code goes to (E.164, without extension) for text and call; null for the app
 * @param maskedDetail what the challenge page may show of the number, "+31 6 •••• ••78"; null for the app
 */
public record SignInOption(long methodId, MethodMode mode, String typeNameKey, String destination,
		String maskedDetail) {

	/** The value of this option in the "I can't use my … right now" form. */
	public String value() {
		return methodId + ":" + mode.name();
	}

	public String modeKey() {
		return mode.labelKey();
	}

}
