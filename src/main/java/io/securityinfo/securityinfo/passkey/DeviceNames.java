package io.securityinfo.securityinfo.passkey;

import java.util.Locale;

/**
 * The kind of device a browser runs on, from its User-Agent header, for a new passkey's suggested name ("Passkey on
 * iPhone"). Only a suggestion: the person names the passkey.
 */
final class DeviceNames {

	private DeviceNames() {
	}

	/** The device kind, or null when the header says nothing we know. */
	static String deviceKind(String userAgent) {
		if (userAgent == null) {
			return null;
		}
		String agent = userAgent.toLowerCase(Locale.ROOT);
		if (agent.contains("iphone")) {
			return "iPhone";
		}
		if (agent.contains("ipad")) {
			return "iPad";
		}
		if (agent.contains("android")) {
			return "Android";
		}
		if (agent.contains("cros")) {
			return "Chromebook";
		}
		if (agent.contains("windows")) {
			return "Windows";
		}
		if (agent.contains("mac os x") || agent.contains("macintosh")) {
			return "Mac";
		}
		if (agent.contains("linux")) {
			return "Linux";
		}
		return null;
	}

}
