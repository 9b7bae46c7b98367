package io.securityinfo.securityinfo.passkey;

import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/** The virtual authenticator the browser tests give Chromium for passkeys. */
public final class PasskeyBrowsers {

	private PasskeyBrowsers() {
	}

	/**
	 * A platform authenticator with a fingerprint reader: CTAP2, internal transport, resident (discoverable) keys,
	 * user verification that succeeds, presence confirmed without a touch.
	 */
	public static VirtualAuthenticatorOptions fingerprintAuthenticator() {
		return new VirtualAuthenticatorOptions().setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
			.setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
			.setHasResidentKey(true)
			.setHasUserVerification(true)
			.setIsUserVerified(true)
			.setIsUserConsenting(true);
	}

}
