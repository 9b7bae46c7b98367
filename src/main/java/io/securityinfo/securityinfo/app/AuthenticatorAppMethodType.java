package io.securityinfo.securityinfo.app;

import java.util.List;

import org.springframework.stereotype.Component;

import io.securityinfo.securityinfo.MethodMode;
import io.securityinfo.securityinfo.MethodType;

/**
 * An authenticator app on the person's phone (TOTP): proven by its first code, then used for sign-in by its
 * codes. Stronger than a phone, as its codes never cross a network, so it ranks first.
 */
@Component
class AuthenticatorAppMethodType implements MethodType {

	static final String ID = "AUTHENTICATOR_APP";

	/**
	 * What the method's row stores as its detail: which kind of app credential it is. The secret is not here but
	 * encrypted beside the method (totp).
	 */
	static final String DETAIL = "TOTP";

	static final String PATH = "/security-info/authenticator-app";

	@Override
	public String id() {
		return ID;
	}

	@Override
	public int rank() {
		return 10;
	}

	@Override
	public List<MethodMode> signInModes() {
		return List.of(MethodMode.APP_CODE);
	}

	@Override
	public String addPath() {
		return PATH;
	}

	/**
	 * Nothing: a person has one app, and its name says all there is to read, so the default method reads
	 * "Authenticator app - code".
	 */
	@Override
	public String displayDetail(String storedDetail) {
		return "";
	}

	@Override
	public String maskedDetail(String storedDetail) {
		return storedDetail;
	}

	/** A new app is set up like the first one, and replaces it once its code is right. */
	@Override
	public String changePath(long methodId) {
		return PATH;
	}

}
