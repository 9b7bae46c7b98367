package io.securityinfo.securityinfo.temporaryaccesspass;

import java.util.List;

import org.springframework.stereotype.Component;

import io.securityinfo.policy.AuthenticationMethod;
import io.securityinfo.securityinfo.MethodMode;
import io.securityinfo.securityinfo.MethodType;

/**
 * A Temporary Access Pass: a time-limited pass an administrator creates for a person who lost their phone (Admin →
 * Users → the person), which signs them in without the password and gives the second step while it lasts, so that
 * they can register new methods. It is no {@code security_method} row: the person never adds, changes or chooses it,
 * and it is never the default; its one pass is a {@code temporary_access_pass} row. Its switch on Admin →
 * Authentication methods says who may use one; its settings (lifetimes, length) are on its own admin page.
 */
@Component
public class TemporaryAccessPassMethodType implements MethodType {

	public static final String ID = "TEMPORARY_ACCESS_PASS";

	/** The policy's "Temporary Access Pass". */
	public static final AuthenticationMethod AUTHENTICATION_METHOD = new AuthenticationMethod(ID);

	/** Signing in with a pass, given as the factor {@code FACTOR_TEMPORARY_ACCESS_PASS}. */
	public static final MethodMode PASS = new MethodMode(ID, AUTHENTICATION_METHOD, ID, null);

	@Override
	public String id() {
		return ID;
	}

	/** Last in the lists it appears in (the policy page): it stands in for the others while they are missing. */
	@Override
	public int rank() {
		return 90;
	}

	@Override
	public List<MethodMode> signInModes() {
		return List.of(PASS);
	}

	@Override
	public boolean canBeDefault() {
		return false;
	}

	/** An administrator creates it; a person never adds one. */
	@Override
	public String addPath() {
		return null;
	}

	@Override
	public boolean removable() {
		return false;
	}

	@Override
	public String displayDetail(String storedDetail) {
		return "";
	}

	@Override
	public String maskedDetail(String storedDetail) {
		return null;
	}

}
