package io.securityinfo.securityinfo.passkey;

import java.util.List;

import org.springframework.stereotype.Component;

import io.securityinfo.passkey.Passkeys;
import io.securityinfo.securityinfo.MethodMode;
import io.securityinfo.securityinfo.MethodType;

/**
 * Passkeys (WebAuthn, with user verification): the strongest method, phishing-resistant and two factors on its
 * own (the device, and the fingerprint, face or PIN that unlocks it). A person may keep several
 * ({@code app.passkeys.max-per-person}); they make one "Passkey" method on Security info, whose page lists them. Not a
 * way to reset a password: a person who still has a passkey signs in with it instead and needs no reset.
 */
@Component
public class PasskeyMethodType implements MethodType {

	public static final String ID = Passkeys.METHOD_TYPE_ID;

	/**
	 * Signing in with a passkey, given at two-step sign-in and step-up as the factor {@code FACTOR_WEBAUTHN}, which
	 * Spring Security's WebAuthn names; no code is sent, so it has no channel.
	 */
	public static final MethodMode PASSKEY = new MethodMode("PASSKEY", Passkeys.POLICY_METHOD, Passkeys.SECOND_FACTOR,
			null);

	/**
	 * What the method's row stores as its detail: nothing to show (the passkeys themselves, with their names, are
	 * Passkeys' to keep).
	 */
	static final String DETAIL = "WEBAUTHN";

	static final String PATH = "/security-info/passkey";

	@Override
	public String id() {
		return ID;
	}

	/** Stronger than the authenticator app's 10: nothing to type, and bound to this site. */
	@Override
	public int rank() {
		return 5;
	}

	@Override
	public List<MethodMode> signInModes() {
		return List.of(PASSKEY);
	}

	@Override
	public boolean phishingResistant() {
		return true;
	}

	/**
	 * The passkeys' pages, which open "Add a passkey" while the person has none; all of them, the script's post
	 * included, are open during the registration interrupt.
	 */
	@Override
	public String addPath() {
		return PATH;
	}

	/** The list of the person's passkeys: rename, delete, add another. */
	@Override
	public String changePath(long methodId) {
		return PATH;
	}

	/** Nothing on the overview: the passkeys' page lists their names. */
	@Override
	public String displayDetail(String storedDetail) {
		return "";
	}

	/**
	 * A passkey's name, when a change of one passkey is told; nothing for the method itself (its first passkey
	 * added, its last deleted), whose stored detail says nothing.
	 */
	@Override
	public String maskedDetail(String storedDetail) {
		return DETAIL.equals(storedDetail) ? null : storedDetail;
	}

}
