package io.securityinfo.securityinfo;

/** A method and a way of using it, such as "Phone - text +31 6 12345678". */
public record DefaultChoice(long methodId, MethodMode mode, String typeNameKey, String detail) {

	/** The value of this choice in the "Change default method" form. */
	public String value() {
		return methodId + ":" + mode.name();
	}

	public String modeKey() {
		return mode.labelKey();
	}

}
