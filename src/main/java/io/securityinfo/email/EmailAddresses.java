package io.securityinfo.email;

import java.util.Locale;

/**
 * Every normalizing and masking of an email address, in one place, so that the stored address, the sending limits
 * that count it and the audit log that masks it agree.
 */
public final class EmailAddresses {

	private EmailAddresses() {
	}

	/**
	 * The address as stored and compared: without surrounding spaces and in lower case. Mail providers treat the
	 * part before the @ without regard to case, so "Ann@Example.com" and "ann@example.com" are one address for the
	 * sending limits and for the check against a person's work email.
	 */
	public static String normalize(String address) {
		return address.strip().toLowerCase(Locale.ROOT);
	}

	/**
	 * The address as logs and the audit log keep it: its first character and its domain ("a***@example.com"),
	 * enough to tell a person's addresses apart, not enough to write to them.
	 */
	public static String mask(String address) {
		if (address == null) {
			return null;
		}
		int at = address.lastIndexOf('@');
		if (at <= 0) {
			return "***";
		}
		return address.charAt(0) + "***" + address.substring(at);
	}

}
