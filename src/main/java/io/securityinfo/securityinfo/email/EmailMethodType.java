package io.securityinfo.securityinfo.email;

import java.util.List;

import org.springframework.stereotype.Component;

import io.securityinfo.securityinfo.MethodMode;
import io.securityinfo.securityinfo.MethodType;
import io.securityinfo.securityinfo.ResetWay;
import io.securityinfo.email.EmailAddresses;
import io.securityinfo.policy.AuthenticationMethod;
import io.securityinfo.verification.Channel;

/**
 * An email address other than the work one: proven by a code sent to it, then used only to reset a password. It
 * never signs anyone in (whoever can read the work mailbox could otherwise sign in as its owner), so it has no
 * sign-in modes and is never offered as the default method; the policy's "Email" switches it on and off.
 */
@Component
public class EmailMethodType implements MethodType {

	public static final String ID = "EMAIL";

	/** The policy's "Email (password reset only)". */
	public static final AuthenticationMethod AUTHENTICATION_METHOD = new AuthenticationMethod(ID);

	static final String PATH = "/security-info/email";

	@Override
	public String id() {
		return ID;
	}

	@Override
	public int rank() {
		return 50;
	}

	@Override
	public List<MethodMode> signInModes() {
		return List.of();
	}

	@Override
	public String addPath() {
		return PATH;
	}

	@Override
	public String displayDetail(String address) {
		return address;
	}

	@Override
	public String maskedDetail(String address) {
		return EmailAddresses.mask(address);
	}

	/** No mode to switch on, so the policy switches the type itself. */
	@Override
	public List<AuthenticationMethod> policyMethods() {
		return List.of(AUTHENTICATION_METHOD);
	}

	/** "Email my alternate email": a code to the address, typed in full. */
	@Override
	public List<ResetWay> resetWays() {
		return List.of(new ResetWay("EMAIL", "email", 50, ID, AUTHENTICATION_METHOD, Channel.EMAIL,
				ResetWay.Proof.SENT_CODE));
	}

	/** The add flow again: the new address replaces the old one only once its code comes back. */
	@Override
	public String changePath(long methodId) {
		return PATH;
	}

}
