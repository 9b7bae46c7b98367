package io.securityinfo.twostep;

import java.io.Serializable;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import io.securityinfo.policy.TwoStepPolicy;
import io.securityinfo.securityinfo.MethodMode;

/**
 * What the session remembers of two-step verification. Decided once at password sign-in, so that no page pays a
 * database statement to know whether the person must give a second factor.
 */
final class TwoStepSession {

	/** Present (true) when the person must give a second factor before going anywhere. */
	static final String REQUIRED_ATTRIBUTE = TwoStepSession.class.getName() + ".required";

	/** Whether the person had a method to give a second factor with when they signed in. */
	static final String AVAILABLE_ATTRIBUTE = TwoStepSession.class.getName() + ".available";

	/** The version of the two-step policy the session was decided under ({@link TwoStepPolicy#version()}). */
	static final String POLICY_VERSION_ATTRIBUTE = TwoStepSession.class.getName() + ".policyVersion";

	/** The second factor being asked for: the method and mode, and the challenge whose code was sent. */
	static final String ATTEMPT_ATTRIBUTE = TwoStepSession.class.getName() + ".attempt";

	/** The method and mode the challenge page asks a code of, and the challenge of a text or call once sent. */
	record Attempt(long methodId, String mode, String challengeId) implements Serializable {

		Attempt(long methodId, MethodMode mode, String challengeId) {
			this(methodId, mode.name(), challengeId);
		}

		Attempt withChallenge(String id) {
			return new Attempt(methodId, mode, id);
		}

		boolean isFor(long otherMethodId, MethodMode otherMode) {
			return methodId == otherMethodId && mode.equals(otherMode.name());
		}

	}

	private TwoStepSession() {
	}

	static void signedInWithPassword(HttpSession session, long policyVersion, boolean available, boolean required) {
		decided(session, policyVersion, available, required);
		session.removeAttribute(ATTEMPT_ATTRIBUTE);
	}

	/** Decided again under a newer policy; a code being asked for stays asked for. */
	static void decided(HttpSession session, long policyVersion, boolean available, boolean required) {
		session.setAttribute(POLICY_VERSION_ATTRIBUTE, policyVersion);
		session.setAttribute(AVAILABLE_ATTRIBUTE, available);
		if (required) {
			session.setAttribute(REQUIRED_ATTRIBUTE, Boolean.TRUE);
		}
		else {
			session.removeAttribute(REQUIRED_ATTRIBUTE);
		}
	}

	/**
	 * Whether the session signed in with the password form under another version of the policy than this one (or
	 * before versions were kept).
	 */
	static boolean decidedUnderAnotherPolicy(HttpSession session, long policyVersion) {
		return session.getAttribute(AVAILABLE_ATTRIBUTE) != null
				&& !Long.valueOf(policyVersion).equals(session.getAttribute(POLICY_VERSION_ATTRIBUTE));
	}

	static boolean isRequired(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return session != null && session.getAttribute(REQUIRED_ATTRIBUTE) != null;
	}

	/** True or false as decided at sign-in; null in a session that did not sign in with the password form. */
	static Boolean wasAvailable(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return session == null ? null : (Boolean) session.getAttribute(AVAILABLE_ATTRIBUTE);
	}

	static Attempt attempt(HttpSession session) {
		return (Attempt) session.getAttribute(ATTEMPT_ATTRIBUTE);
	}

	static void remember(HttpSession session, Attempt attempt) {
		session.setAttribute(ATTEMPT_ATTRIBUTE, attempt);
	}

	static void forgetAttempt(HttpSession session) {
		session.removeAttribute(ATTEMPT_ATTRIBUTE);
	}

}
