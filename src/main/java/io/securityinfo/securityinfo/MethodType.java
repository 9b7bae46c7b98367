package io.securityinfo.securityinfo;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.securityinfo.policy.AuthenticationMethod;

/**
 * A kind of security info, described by metadata rather than by branches in the code: adding a kind means one more
 * implementation (a Spring bean in a folder of its own under {@code securityinfo}), its flow and its messages; see
 * "Adding a method type" in docs/architecture.md. Everything other modules branch on comes from here: its name, its
 * modes (and through them the policy's switches and the second factors), what it may be used for, its ways to reset
 * a password, its strength rank and whether a person may remove it.
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

	/**
	 * Where "Add" leads for this type; null for a type a person does not add themselves (a Temporary Access Pass,
	 * which an administrator creates), which "Add a method" then never offers.
	 */
	String addPath();

	/** Turns the stored detail (an E.164 number, say) into what people read. */
	String displayDetail(String storedDetail);

	/**
	 * The detail a method's row in a list of methods shows, with the date it was added when that tells methods of
	 * the type apart better than a detail does (an app); by default {@link #displayDetail} and no date.
	 */
	default ListedDetail listedDetail(String storedDetail) {
		return new ListedDetail(displayDetail(storedDetail), false);
	}

	/** See {@link #listedDetail}. */
	record ListedDetail(String text, boolean showsAddedDate) {

	}

	/**
	 * The detail as the audit log keeps it: enough to tell methods apart, not enough to misuse; null when the type
	 * has no detail worth telling. Pages and mails show it as it is, unless the messages have a pattern for the
	 * type ({@code audit.target.SECURITY_QUESTIONS}: "3 questions answered").
	 */
	String maskedDetail(String storedDetail);

	/**
	 * The detail as a change notification tells it to the person: masked like {@link #maskedDetail}, since mail can
	 * be read by others on its way.
	 */
	default String notifiedDetail(String storedDetail) {
		return maskedDetail(storedDetail);
	}

	/**
	 * Where a code for a method of this type goes, from its stored detail: a phone's number in E.164 without an
	 * office phone's extension (the number a call goes to), an address as it is stored.
	 */
	default String codeDestination(String storedDetail) {
		return storedDetail;
	}

	/**
	 * How strong signing in by this mode of this type is; lower is stronger. Read from the metadata, so that it holds
	 * for any type: phishing-resistant types first, then codes the person's own device makes, then calls, then texts
	 * (NIST SP 800-63B restricts codes sent over the phone network, and texts are the easiest to divert), and within
	 * each the type's {@link #rank()}. A type that is never the default (recovery codes: a backup a person chooses
	 * deliberately) comes last, whatever its mode. "The strongest method first" asks in this order.
	 */
	default int strength(MethodMode mode) {
		int tier;
		if (!canBeDefault()) {
			tier = 5;
		}
		else if (phishingResistant()) {
			tier = 0;
		}
		else if (!mode.sendsCode()) {
			tier = 1;
		}
		else {
			tier = switch (mode.channel()) {
				case VOICE -> 2;
				case SMS -> 3;
				default -> 4;
			};
		}
		return tier * 1000 + rank();
	}

	/** The strength of this type's strongest mode: how strong the person's method of this type is at best. */
	default int strength() {
		return signInModes().stream().mapToInt(this::strength).min().orElse(Integer.MAX_VALUE);
	}

	default String nameKey() {
		return "method.type." + id() + ".name";
	}

	default boolean canSignIn() {
		return !signInModes().isEmpty();
	}

	/** The sign-in mode of this type with this name, as a method's default mode is stored. */
	default Optional<MethodMode> mode(String name) {
		return signInModes().stream().filter(mode -> mode.name().equals(name)).findFirst();
	}

	/**
	 * The authentication methods of the admin policy that switch methods of this type on: its modes'. A type
	 * without sign-in modes names its own.
	 */
	default List<AuthenticationMethod> policyMethods() {
		return signInModes().stream().map(MethodMode::policyMethod).distinct().toList();
	}

	/** The modes of this type that the policy lets a person use, preferred first. */
	default List<MethodMode> allowedModes(Set<AuthenticationMethod> allowed) {
		return signInModes().stream().filter(mode -> allowed.contains(mode.policyMethod())).toList();
	}

	/** Whether the policy lets a person register and use methods of this type: one of its switches is on. */
	default boolean isAllowed(Set<AuthenticationMethod> allowed) {
		return policyMethods().stream().anyMatch(allowed::contains);
	}

	/** The ways a method of this type proves who someone is when they reset their password; none by default. */
	default List<ResetWay> resetWays() {
		return List.of();
	}

	/** What methods of this type may be used for: signing in when it has modes, resetting when it has reset ways. */
	default MethodUse usedFor() {
		if (!canSignIn()) {
			return MethodUse.PASSWORD_RESET;
		}
		return resetWays().isEmpty() ? MethodUse.SIGN_IN : MethodUse.SIGN_IN_AND_PASSWORD_RESET;
	}

	/**
	 * Whether a method of this type resists phishing: it proves possession to this site's origin only, so a look-alike
	 * site cannot relay it (a passkey). Codes typed by the person never do. Phishing-resistant types come first in
	 * the strongest-first order ({@link #strength(MethodMode)}), and "Require phishing-resistant sign-in" accepts only
	 * them.
	 */
	default boolean phishingResistant() {
		return false;
	}

	/**
	 * Whether a method of this type may be the default sign-in method. Recovery codes sign in, but only when the
	 * person chooses them ("Sign in another way"), never by default.
	 */
	default boolean canBeDefault() {
		return true;
	}

	/** Whether a person may delete their method of this type themselves (an administrator always may). */
	default boolean removable() {
		return true;
	}

	/**
	 * Where "Change" leads for a registered method of this type, or null when its details cannot change (the new
	 * details are proven like a new method's).
	 */
	default String changePath(long methodId) {
		return null;
	}

}
