package io.securityinfo.securityinfo;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.securityinfo.policy.AuthenticationMethod;

/**
 * A kind of security info, described by metadata rather than by branches in the code: adding a kind means one
 * more implementation (a Spring bean) and its messages.
 */
public interface MethodType {

	/** The stable id stored with each method of this type, such as {@code PHONE}. */
	String id();

	/**
	 * Strength order: lower comes first in "Add a method" and is preferred when the default method has to move
	 * to another one.
	 */
	int rank();

	/**
	 * The ways a method of this type can sign a person in, preferred first. Empty for types used only to reset a
	 * password.
	 */
	List<MethodMode> signInModes();

	/** Where "Add" leads for this type. */
	String addPath();

	/** Turns the stored detail (an E.164 number, say) into what people read. */
	String displayDetail(String storedDetail);

	/** The detail as the audit log keeps it: enough to tell methods apart, not enough to misuse. */
	String maskedDetail(String storedDetail);

	/**
	 * The detail as a change notification tells it to the person: masked like {@link #maskedDetail}, since mail can
	 * be read by others on its way.
	 */
	default String notifiedDetail(String storedDetail) {
		return maskedDetail(storedDetail);
	}

	/**
	 * The number a text or a call for a method of this type goes to: a phone's number in E.164, without an office
	 * phone's extension (the switchboard is dialled, not the desk); empty for a type that is no phone.
	 */
	default Optional<String> phoneNumber(String storedDetail) {
		return Optional.empty();
	}

	default String nameKey() {
		return "method.type." + id() + ".name";
	}

	default boolean canSignIn() {
		return !signInModes().isEmpty();
	}

	/** The modes of this type that the policy lets a person use, preferred first. */
	default List<MethodMode> allowedModes(Set<AuthenticationMethod> allowed) {
		return signInModes().stream().filter(mode -> allowed.contains(mode.policyMethod())).toList();
	}

	/**
	 * Whether the policy lets a person register and use methods of this type. Types used only to reset a password
	 * have no sign-in modes and override this with their own authentication method.
	 */
	default boolean isAllowed(Set<AuthenticationMethod> allowed) {
		return !allowedModes(allowed).isEmpty();
	}

	/**
	 * Where "Change" leads for a registered method of this type, or null when its details cannot change (the new
	 * details are proven like a new method's).
	 */
	default String changePath(long methodId) {
		return null;
	}

}
