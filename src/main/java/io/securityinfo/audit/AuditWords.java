package io.securityinfo.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * An audit row's facts in the reader's language, from the messages files: "Phone - text: +31 6 •••• ••78", "Text
 * message (SMS): on for all users", "3 sessions ended". The action is named apart, by its own message
 * ({@link AuditAction#labelKey()}). No code of the row reaches the reader: a method type is named by its type's
 * message, a mode, a setting or a role by theirs, a country by its name in the reader's language. A row older than
 * its facts (V17 kept the English text it could not read) is shown as it was.
 */
@Component
public class AuditWords {

	/** Between the parts of one description; the same in every language the app speaks. */
	private static final String SEPARATOR = "; ";

	private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private final MessageSource messages;

	AuditWords(MessageSource messages) {
		this.messages = messages;
	}

	/** What the entry was about, in this language; empty when its action says all there is. */
	public String describe(AuditLog.Entry entry, Locale locale) {
		if (entry.methodType() == null && entry.mode() == null && entry.target() == null && entry.facts() == null) {
			return entry.detail() == null ? "" : entry.detail();
		}
		List<String> parts = new ArrayList<>();
		String method = method(entry, locale);
		if (method != null) {
			parts.add(method);
		}
		Map<String, String> facts = AuditFacts.decode(entry.facts());
		facts.forEach((name, value) -> {
			String told = fact(entry.methodType(), name, value, facts, locale);
			if (told != null) {
				parts.add(told);
			}
		});
		return String.join(SEPARATOR, parts);
	}

	/** "Phone - text: +31 6 •••• ••78", "Text message: +31 6 •••• ••78", "Authenticator app", "Finance". */
	private String method(AuditLog.Entry entry, Locale locale) {
		String name = null;
		if (entry.methodType() != null) {
			name = word("method.type." + entry.methodType() + ".name", entry.methodType(), locale);
			if (entry.mode() != null) {
				String mode = word("method.mode." + entry.mode(), null, locale);
				name = message("audit.method.with-mode", locale, name,
						mode != null ? mode : word("audit.mode." + entry.mode(), entry.mode(), locale));
			}
		}
		else if (entry.mode() != null) {
			name = word("audit.mode." + entry.mode(), entry.mode(), locale);
		}
		String target = target(entry.methodType(), entry.target(), locale);
		if (target == null) {
			return name;
		}
		return name == null ? target : message("audit.method.with-target", locale, name, target);
	}

	/** The target as it is, or in the type's own words where a count stands for it ("3 questions answered"). */
	private String target(String methodType, String target, Locale locale) {
		if (target == null || methodType == null) {
			return target;
		}
		String countKey = "audit.target." + methodType;
		String counted = messages.getMessage(countKey, new Object[] { value(target) }, null, locale);
		return counted == null ? target : counted;
	}

	private String fact(String methodType, String name, String value, Map<String, String> facts, Locale locale) {
		return switch (name) {
			// Told with the fact they belong to.
			case AuditFacts.POLICY_METHOD, AuditFacts.GROUPS, AuditFacts.QUESTIONS_KNOWN, AuditFacts.QUESTION_TEXT ->
				null;
			case AuditFacts.WAS -> message("audit.fact.was", locale, target(methodType, value, locale));
			case AuditFacts.SETTING -> message("audit.fact.setting." + value, locale,
					policyMethod(facts.get(AuditFacts.POLICY_METHOD), locale),
					facts.getOrDefault(AuditFacts.GROUPS, "").replace(",", ", "));
			case AuditFacts.REGIONS -> message("audit.fact.regions", locale, countries(value, locale));
			case AuditFacts.QUESTIONS_OFFERED -> message("audit.fact.questions-offered", locale, value(value),
					value(facts.getOrDefault(AuditFacts.QUESTIONS_KNOWN, "0")));
			case AuditFacts.QUESTION -> message("audit.fact.question", locale, value(value),
					facts.getOrDefault(AuditFacts.QUESTION_TEXT, ""));
			case AuditFacts.ROLE -> message("audit.fact.role", locale, word("users.role." + value, value, locale));
			case AuditFacts.UNTIL -> message("audit.fact.until", locale, UNTIL.format(Instant.parse(value)));
			case AuditFacts.PASS_LIFETIME -> message("audit.fact.pass-lifetime", locale, (Object[]) value.split("-", 2));
			case AuditFacts.REPORTED ->
				message("audit.fact.reported", locale, word("audit.reported." + value, value, locale));
			case AuditFacts.ASKED_AGAIN ->
				message("audit.fact.asked-again", locale, UNTIL.format(Instant.parse(value)));
			case AuditFacts.PROMOTED ->
				message("audit.fact.promoted", locale, word("method.type." + value + ".name", value, locale));
			case AuditFacts.PROVEN -> message("audit.fact.proven", locale, Arrays.stream(value.split(","))
				.filter(type -> !type.isEmpty())
				.map(type -> word("method.type." + type + ".name", type, locale))
				.collect(Collectors.joining(", ")));
			default -> {
				String key = "audit.fact." + name;
				String told = messages.getMessage(key, new Object[] { value(value) }, null, locale);
				yield told == null ? name + " " + value : told;
			}
		};
	}

	private String policyMethod(String method, Locale locale) {
		return method == null ? "" : word("policy.method." + method + ".name", method, locale);
	}

	/** Country names in the reader's language, as the phone settings list them; "all countries" for none. */
	private String countries(String regions, Locale locale) {
		if (regions.isEmpty()) {
			return message("audit.fact.regions.all", locale);
		}
		return Arrays.stream(regions.split(","))
			.map(code -> new Locale("", code).getDisplayCountry(locale))
			.collect(Collectors.joining(", "));
	}

	/** A whole number as a number and a yes or no as 1 or 0, for the patterns' plurals and choices. */
	private static Object value(String value) {
		if (value.matches("-?[0-9]{1,18}")) {
			return Long.valueOf(value);
		}
		if (value.equals("true") || value.equals("false")) {
			return value.equals("true") ? 1 : 0;
		}
		return value;
	}

	private String message(String key, Locale locale, Object... arguments) {
		return messages.getMessage(key, arguments, locale);
	}

	/** The message for a code kept in a row; the fallback when the code is one the messages no longer know. */
	private String word(String key, String fallback, Locale locale) {
		return messages.getMessage(key, null, fallback, locale);
	}

}
