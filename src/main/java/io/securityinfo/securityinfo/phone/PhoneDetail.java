package io.securityinfo.securityinfo.phone;

/**
 * A phone method's stored detail: the number in E.164 and, for an office phone, its extension, written the way
 * RFC 3966 and libphonenumber write one: {@code +31201234567;ext=12}. The number alone is what texts and calls go
 * to and what "the same number twice" compares.
 *
 * @param extension digits only, or null when there is none
 */
record PhoneDetail(String e164, String extension) {

	private static final String EXTENSION = ";ext=";

	PhoneDetail {
		extension = extension == null || extension.isBlank() ? null : extension.strip();
	}

	static PhoneDetail parse(String stored) {
		int at = stored.indexOf(EXTENSION);
		return at < 0 ? new PhoneDetail(stored, null)
				: new PhoneDetail(stored.substring(0, at), stored.substring(at + EXTENSION.length()));
	}

	String stored() {
		return extension == null ? e164 : e164 + EXTENSION + extension;
	}

}
