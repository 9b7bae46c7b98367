package io.securityinfo.phone;

/**
 * A phone number in the one shape it keeps from the form that reads it to the gateway that texts or calls it: the
 * number in E.164, the country or region it belongs to, and, for a desk phone behind a switchboard, its extension.
 * {@link PhoneNumbers} builds it, from what a person typed or from what was stored.
 * <p>
 * A phone method stores it the way RFC 3966 and libphonenumber write one, {@code +31201234567;ext=12}
 * ({@link #stored()}). The number alone is what texts and calls go to and what "the same number twice" compares.
 *
 * @param region the region the number belongs to, such as "NL": not necessarily the one picked beside it, since
 * "+44 …" typed with the Netherlands picked is a British number
 * @param extension digits only, or null when there is none
 */
public record PhoneNumber(String e164, String region, String extension) {

	private static final String EXTENSION = ";ext=";

	public PhoneNumber {
		extension = extension == null || extension.isBlank() ? null : extension.strip();
	}

	/** The same number with this extension (blank: none). */
	public PhoneNumber withExtension(String extension) {
		return new PhoneNumber(e164, region, extension);
	}

	/** As a phone method keeps it: {@code +31201234567;ext=12}, or the number alone. */
	public String stored() {
		return extension == null ? e164 : e164 + EXTENSION + extension;
	}

	/** The number of a {@link #stored()} detail, without its extension. */
	public static String e164Of(String stored) {
		int at = stored.indexOf(EXTENSION);
		return at < 0 ? stored : stored.substring(0, at);
	}

	/** The extension of a {@link #stored()} detail, or null. */
	static String extensionOf(String stored) {
		int at = stored.indexOf(EXTENSION);
		return at < 0 ? null : stored.substring(at + EXTENSION.length());
	}

}
