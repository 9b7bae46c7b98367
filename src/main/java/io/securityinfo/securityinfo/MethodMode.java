package io.securityinfo.securityinfo;

/** How a method is used to sign in: the phone can receive a text or a call, for instance. */
public enum MethodMode {

	TEXT, CALL;

	String labelKey() {
		return "method.mode." + name();
	}

}
