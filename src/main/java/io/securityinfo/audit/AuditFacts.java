package io.securityinfo.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an audit row tells beyond who, for whom, when and from where: the method it was about (its type, the mode
 * and the masked number or address), and any further facts by name ({@code sessions=3}), each a code, a number or
 * a person's own text, never a sentence. Pages and mails put them in the reader's words ({@link AuditWords}).
 *
 * @param methodType a method type's id ({@code PHONE}); null when the row is about no method
 * @param mode how a code came or a method signs in: {@code TEXT}, {@code CALL}, {@code APP_CODE} or {@code EMAIL};
 * else null
 * @param target what the row was about, as people may read it: a masked number or address, an email, a group's
 * name, a client address; else null
 * @param facts the further facts, in the order they are told
 */
record AuditFacts(String methodType, String mode, String target, Map<String, String> facts) {

	/** A method's detail before it changed, masked like the target. */
	static final String WAS = "was";

	/** An authentication method of the policy ({@code SMS}), with {@link #SETTING} and {@link #GROUPS}. */
	static final String POLICY_METHOD = "method";

	/** ON_FOR_ALL, ON_FOR_GROUPS, OFF, REQUIRED_FOR_ALL, REQUIRED_FOR_GROUPS or NOT_REQUIRED. */
	static final String SETTING = "setting";

	/** Group ids, comma-separated. */
	static final String GROUPS = "groups";

	/** Region codes, comma-separated; empty for all. */
	static final String REGIONS = "regions";

	static final String CODE_LIFETIME_MINUTES = "code-lifetime-minutes";

	static final String WRONG_CODES = "wrong-codes";

	static final String RESEND_SECONDS = "resend-seconds";

	static final String CODES_PER_NUMBER_HOUR = "codes-per-number-hour";

	static final String CODES_PER_PERSON_DAY = "codes-per-person-day";

	static final String VOIP = "voip";

	static final String REGISTRATION_REQUIRED = "registration-required";

	static final String RESET_METHODS = "reset-methods";

	static final String RECONFIRM_DAYS = "reconfirm-days";

	static final String SKIP_DAYS = "skip-days";

	static final String QUESTIONS_REQUIRED = "questions-required";

	/** Questions offered, with {@link #QUESTIONS_KNOWN}. */
	static final String QUESTIONS_OFFERED = "questions-offered";

	static final String QUESTIONS_KNOWN = "questions-known";

	/** A question added: its id, with {@link #QUESTION_TEXT}. */
	static final String QUESTION = "question";

	static final String QUESTION_TEXT = "question-text";

	/** An account's role ({@code ADMIN}). */
	static final String ROLE = "role";

	static final String WRONG_PASSWORDS = "wrong-passwords";

	/** An instant, ISO-8601. */
	static final String UNTIL = "until";

	/** Recovery codes still unused after one was used. */
	static final String REMAINING = "remaining";

	/** A Temporary Access Pass that signs in once (1) or again while it lasts (0). */
	static final String ONE_TIME = "one-time";

	/** A Temporary Access Pass's settings: the lifetimes allowed ("10-480" minutes), proposed, and the length. */
	static final String PASS_LIFETIME = "pass-lifetime";

	static final String PASS_DEFAULT_LIFETIME = "pass-default-lifetime";

	static final String PASS_LENGTH = "pass-length";

	static final String SESSIONS = "sessions";

	/** The change a "This wasn't me" link was for: a change's name, PASSWORD_CHANGED or PASSWORD_RESET. */
	static final String REPORTED = "reported";

	static final String METHODS_REQUIRED = "methods-required";

	/** Method type ids, comma-separated, in the order they were proven. */
	static final String PROVEN = "proven";

	/** Whether the strongest method is asked for first: true or false. */
	static final String STRONGEST_FIRST = "strongest-first";

	/** Whether a setting applies to all administrators too: true or false. */
	static final String ADMINISTRATORS = "administrators";

	/** The method type a campaign promotes: its id. */
	static final String PROMOTED = "promoted";

	static final String POSTPONE_DAYS = "postpone-days";

	static final String POSTPONEMENTS = "postponements";

	/** When a person who put something off is asked again: an instant, ISO-8601. */
	static final String ASKED_AGAIN = "asked-again";
	/** The browser of a sign-in or a session ("Chrome 131"), from its user agent. */
	static final String BROWSER = "browser";

	/** The operating system of a sign-in or a session ("Windows 10"), from its user agent. */
	static final String SYSTEM = "os";

	/** Why an administrator made a change, in their words. */
	static final String REASON = "reason";

	AuditFacts {
		facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
	}

	static AuditFacts none() {
		return new AuditFacts(null, null, null, Map.of());
	}

	static AuditFacts method(String methodType, String mode, String target) {
		return new AuditFacts(methodType, mode, target, Map.of());
	}

	static AuditFacts target(String target) {
		return new AuditFacts(null, null, target, Map.of());
	}

	/** These facts and one more; a null value adds nothing. */
	AuditFacts with(String name, Object value) {
		if (value == null) {
			return this;
		}
		Map<String, String> more = new LinkedHashMap<>(facts);
		more.put(name, String.valueOf(value));
		return new AuditFacts(methodType, mode, target, more);
	}

	/**
	 * As the row keeps them, readable in the database too: {@code name=value&name=value}, where a value's own
	 * {@code %}, {@code &} and {@code =} are written {@code %25}, {@code %26} and {@code %3D}; null for none.
	 */
	String encodedFacts() {
		if (facts.isEmpty()) {
			return null;
		}
		StringBuilder encoded = new StringBuilder();
		facts.forEach((name, value) -> encoded.append(encoded.isEmpty() ? "" : "&")
			.append(name)
			.append('=')
			.append(value.replace("%", "%25").replace("&", "%26").replace("=", "%3D")));
		return encoded.toString();
	}

	/** The facts a row keeps, in their order; empty for none. */
	static Map<String, String> decode(String encoded) {
		Map<String, String> facts = new LinkedHashMap<>();
		if (encoded == null || encoded.isEmpty()) {
			return facts;
		}
		for (String pair : encoded.split("&")) {
			int equals = pair.indexOf('=');
			if (equals > 0) {
				facts.put(pair.substring(0, equals), unescape(pair.substring(equals + 1)));
			}
		}
		return facts;
	}

	private static String unescape(String value) {
		StringBuilder plain = new StringBuilder();
		for (int i = 0; i < value.length(); i++) {
			String escape = value.startsWith("%", i) && i + 3 <= value.length() ? value.substring(i, i + 3) : "";
			switch (escape) {
				case "%25" -> plain.append('%');
				case "%26" -> plain.append('&');
				case "%3D" -> plain.append('=');
				default -> {
					plain.append(value.charAt(i));
					continue;
				}
			}
			i += 2;
		}
		return plain.toString();
	}

}
