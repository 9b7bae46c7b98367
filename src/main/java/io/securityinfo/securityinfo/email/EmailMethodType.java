package io.securityinfo.securityinfo.email;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.securityinfo.securityinfo.MethodMode;
import io.securityinfo.securityinfo.MethodType;
import io.securityinfo.email.EmailAddresses;
import io.securityinfo.policy.AuthenticationMethod;

/**
 * An email address other than the work one: proven by a code sent to it, then used only to reset a password. It
 * never signs anyone in (whoever can read the work mailbox could otherwise sign in as its owner), so it has no
 * sign-in modes and is never offered as the default method; the policy's "Email" switches it on and off.
 */
@Component
class EmailMethodType implements MethodType {

	static final String ID = "EMAIL";

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

	@Override
	public boolean isAllowed(Set<AuthenticationMethod> allowed) {
		return allowed.contains(AuthenticationMethod.EMAIL);
	}

	/** The add flow again: the new address replaces the old one only once its code comes back. */
	@Override
	public String changePath(long methodId) {
		return PATH;
	}

}
