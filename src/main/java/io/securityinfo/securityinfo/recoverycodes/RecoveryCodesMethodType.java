package io.securityinfo.securityinfo.recoverycodes;

import java.util.List;

import org.springframework.stereotype.Component;

import io.securityinfo.policy.AuthenticationMethod;
import io.securityinfo.securityinfo.MethodMode;
import io.securityinfo.securityinfo.MethodType;

/**
 * Recovery codes: ten single-use codes the person keeps on paper or in a file, for when their phone is gone. They
 * give the second step at sign-in and before changes, but only when the person chooses them ("Sign in another way"
 * → "Use a recovery code"): never the default, never to reset a password. The stored detail is when the set was
 * made; the codes themselves are {@code recovery_code} rows, hashed.
 */
@Component
public class RecoveryCodesMethodType implements MethodType {

	public static final String ID = "RECOVERY_CODES";

	/** The policy's "Recovery codes". */
	public static final AuthenticationMethod AUTHENTICATION_METHOD = new AuthenticationMethod(ID);

	/** A recovery code typed in, given as the factor {@code FACTOR_RECOVERY_CODE}; nothing is sent. */
	public static final MethodMode RECOVERY_CODE = new MethodMode("RECOVERY_CODE", AUTHENTICATION_METHOD,
			"RECOVERY_CODE", null);

	@Override
	public String id() {
		return ID;
	}

	/** After the phones: a code on paper proves less than a device in hand. */
	@Override
	public int rank() {
		return 80;
	}

	@Override
	public List<MethodMode> signInModes() {
		return List.of(RECOVERY_CODE);
	}

	@Override
	public boolean canBeDefault() {
		return false;
	}

	@Override
	public String addPath() {
		return RecoveryCodesController.PAGE;
	}

	/** "Change" leads to the page that says how many are left and makes a new set. */
	@Override
	public String changePath(long methodId) {
		return RecoveryCodesController.PAGE;
	}

	/** Nothing: how many are left is on the recovery codes' own page. */
	@Override
	public String displayDetail(String storedDetail) {
		return "";
	}

	/** Nothing: a code never goes to the log or a mail, and the set's date tells a reader nothing. */
	@Override
	public String maskedDetail(String storedDetail) {
		return null;
	}

}
