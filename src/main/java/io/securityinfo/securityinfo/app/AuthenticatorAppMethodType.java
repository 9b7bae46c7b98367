package io.securityinfo.securityinfo.app;

import java.util.List;

import org.springframework.stereotype.Component;

import io.securityinfo.policy.AuthenticationMethod;
import io.securityinfo.securityinfo.MethodMode;
import io.securityinfo.securityinfo.MethodType;
import io.securityinfo.securityinfo.ResetWay;
import io.securityinfo.totp.AuthenticatorApps;

/**
 * An authenticator app on the person's phone (TOTP): proven by its first code, then used for sign-in by its
 * codes. Stronger than a phone, as its codes never cross a network, so it ranks first.
 */
@Component
public class AuthenticatorAppMethodType implements MethodType {

	public static final String ID = AuthenticatorApps.METHOD_TYPE_ID;

	/** The policy's "Authenticator app"; its name is the type's id, as the policy's rows have kept it. */
	public static final AuthenticationMethod AUTHENTICATION_METHOD = new AuthenticationMethod(ID);

	/**
	 * A code the app shows, given at sign-in as the factor {@code FACTOR_AUTHENTICATOR_APP}: no code is sent, so it
	 * has no channel.
	 */
	public static final MethodMode APP_CODE = new MethodMode("APP_CODE", AUTHENTICATION_METHOD, ID, null);

	/**
	 * What the method's row stores as its detail: which kind of app credential it is. The secret is not here but
	 * encrypted beside the method (totp).
	 */
	static final String DETAIL = "TOTP";

	static final String PATH = "/security-info/authenticator-app";

	private final AuthenticatorApps apps;

	AuthenticatorAppMethodType(AuthenticatorApps apps) {
		this.apps = apps;
	}

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
		return List.of(APP_CODE);
	}

	/** "Enter a code from my authenticator app". */
	@Override
	public List<ResetWay> resetWays() {
		return List.of(new ResetWay("APP", "app", 60, ID, AUTHENTICATION_METHOD, null, ResetWay.Proof.APP_CODE));
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

	/** In a list of methods: the name the app shows the account under, and when the app was added. */
	@Override
	public ListedDetail listedDetail(String storedDetail) {
		return new ListedDetail(apps.issuer(), true);
	}

	/** Nothing: the stored "TOTP" tells a reader nothing, so the log and the mail name the app alone. */
	@Override
	public String maskedDetail(String storedDetail) {
		return null;
	}

	/** A new app is set up like the first one, and replaces it once its code is right. */
	@Override
	public String changePath(long methodId) {
		return PATH;
	}

}
