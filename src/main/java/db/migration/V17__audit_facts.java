package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The audit log keeps facts instead of sentences: the method type, the mode, the masked target and further named
 * facts get columns of their own, and the rows written before are read into them from the English texts and codes
 * the services wrote ("PHONE +XX XXXXXXX78 TEXT", "SMS on for groups [1, 2]", "3 sessions ended"). A row whose text
 * is none of those keeps it in {@code detail}, and the pages show it as it was.
 * <p>
 * Java rather than SQL, so that one reading of the texts runs alike on H2 and PostgreSQL. It knows the texts as they
 * were written up to V16 and nothing of the app's classes, which will change after it.
 */
public class V17__audit_facts extends BaseJavaMigration {

	private static final int BATCH = 500;

	private static final String TYPES = "PHONE|ALTERNATE_PHONE|OFFICE_PHONE|EMAIL|AUTHENTICATOR_APP|SECURITY_QUESTIONS";

	private static final Set<String> METHOD_ACTIONS = Set.of("METHOD_ADDED", "METHOD_DELETED",
			"AUTHENTICATOR_APP_REPLACED");

	private static final Set<String> CODE_ACTIONS = Set.of("CODE_SENT", "CODE_FAILED", "CODE_VERIFIED");

	private static final Set<String> APP_ACTIONS = Set.of("VERIFICATION_LOCKED_OUT", "AUTHENTICATOR_APP_SETUP_ENDED",
			"AUTHENTICATOR_APP_DISABLED");

	private static final Set<String> TARGET_ACTIONS = Set.of("GROUP_CREATED", "GROUP_DELETED", "GROUP_MEMBER_ADDED",
			"GROUP_MEMBER_REMOVED", "ACCOUNT_DISABLED", "ACCOUNT_ENABLED", "REGISTRATION_REQUIRED",
			"SIGN_IN_LOCK_LIFTED");

	private static final Set<String> TWO_STEP_ACTIONS = Set.of("TWO_STEP_SUCCEEDED", "TWO_STEP_FAILED",
			"TWO_STEP_LOCKED_OUT");

	private static final Set<String> REPORTED_CHANGES = Set.of("METHOD_ADDED", "METHOD_CHANGED", "METHOD_DELETED",
			"DEFAULT_METHOD_CHANGED", "ALL_METHODS_DELETED", "PASSWORD_CHANGED", "PASSWORD_RESET");

	/** The reset options as the reset wrote them, by the method type and mode they prove. */
	private static final Map<String, String[]> RESET_OPTIONS = Map.of("TEXT", new String[] { "PHONE", "TEXT" },
			"CALL", new String[] { "PHONE", "CALL" }, "OFFICE_CALL", new String[] { "OFFICE_PHONE", "CALL" },
			"ALTERNATE_CALL", new String[] { "ALTERNATE_PHONE", "CALL" }, "EMAIL", new String[] { "EMAIL", null },
			"APP", new String[] { "AUTHENTICATOR_APP", null }, "QUESTIONS",
			new String[] { "SECURITY_QUESTIONS", null });

	private static final Pattern METHOD = Pattern.compile("(" + TYPES + ")(?: (.+))?");

	private static final Pattern DEFAULT = Pattern.compile("(" + TYPES + ")(?: (.+))? (TEXT|CALL|APP_CODE)");

	private static final Pattern CHANGED = Pattern.compile("(" + TYPES + ") (.+) \\(was (.+)\\)");

	private static final Pattern CODE = Pattern.compile("(SMS|VOICE|EMAIL) (.+)");

	private static final Pattern ANSWERS = Pattern.compile("([0-9]+) answers");

	private static final Pattern METHOD_POLICY = Pattern
		.compile("(AUTHENTICATOR_APP|SMS|VOICE|EMAIL|SECURITY_QUESTIONS) (on for all users|on for groups \\[(.*)]|off)");

	private static final Pattern TWO_STEP_POLICY = Pattern
		.compile("required for all users|required for groups \\[(.*)]|not required");

	private static final Pattern PHONE_POLICY = Pattern.compile("regions (all|\\[(.*)]), lifetime ([0-9]+) min, "
			+ "attempts ([0-9]+), cooldown ([0-9]+) s, per number/hour ([0-9]+), per user/day ([0-9]+)"
			+ "(, VoIP numbers allowed)?");

	private static final Pattern REGISTRATION_POLICY = Pattern
		.compile("required (true|false), methods for reset ([0-9]+), reconfirm days ([0-9]+), skip days ([0-9]+)");

	private static final Pattern QUESTIONS_SETTING = Pattern
		.compile("questions required ([0-9]+), offered ([0-9]+) of ([0-9]+)");

	private static final Pattern QUESTION_ADDED = Pattern.compile("question ([0-9]+) added: (.+)", Pattern.DOTALL);

	private static final Pattern ACCOUNT_CREATED = Pattern.compile("(\\S+) (EMPLOYEE|ADMIN)");

	private static final String UNTIL = "locked until ([0-9]{4}-[0-9]{2}-[0-9]{2}) ([0-9]{2}:[0-9]{2}:[0-9]{2}) UTC";

	private static final Pattern SIGN_IN_LOCKED = Pattern.compile("([0-9]+) wrong passwords; " + UNTIL);

	private static final Pattern ADDRESS_LOCKED = Pattern.compile("([0-9]+) wrong passwords from (\\S+); " + UNTIL);

	private static final Pattern SESSIONS = Pattern.compile("([0-9]+) sessions ended");

	private static final Pattern NOT_ME = Pattern.compile("(.*); ([0-9]+) sessions ended", Pattern.DOTALL);

	private static final Pattern RESET_STARTED = Pattern.compile("methods required ([0-9]+)");

	private static final Pattern PROVEN = Pattern.compile("proven by((?: (?:" + TYPES + "))*)");

	private static final Pattern TWO_STEP = Pattern.compile("(TEXT|CALL|APP_CODE)(?: (.+))?");

	/** The columns of a row read from its text. */
	record Facts(String methodType, String mode, String target, Map<String, String> named) {

		Facts with(String name, String value) {
			Map<String, String> more = new LinkedHashMap<>(named);
			more.put(name, value);
			return new Facts(methodType, mode, target, more);
		}

		String encodedNamed() {
			List<String> pairs = new ArrayList<>();
			named.forEach((name, value) -> pairs
				.add(name + "=" + value.replace("%", "%25").replace("&", "%26").replace("=", "%3D")));
			return pairs.isEmpty() ? null : String.join("&", pairs);
		}

	}

	@Override
	public void migrate(Context context) throws Exception {
		Connection connection = context.getConnection();
		try (Statement statement = connection.createStatement()) {
			statement.execute("ALTER TABLE audit_event ADD COLUMN method_type VARCHAR(40)");
			statement.execute("ALTER TABLE audit_event ADD COLUMN method_mode VARCHAR(20)");
			statement.execute("ALTER TABLE audit_event ADD COLUMN target VARCHAR(320)");
			statement.execute("ALTER TABLE audit_event ADD COLUMN facts VARCHAR(2000)");
		}
		convert(connection);
	}

	/** Reads every row with a text, a batch at a time in the order of their ids; public for its test. */
	public static void convert(Connection connection) throws SQLException {
		long after = Long.MIN_VALUE;
		while (true) {
			List<Object[]> rows = new ArrayList<>();
			try (PreparedStatement select = connection.prepareStatement(
					"SELECT id, action, detail FROM audit_event WHERE detail IS NOT NULL AND id > ? ORDER BY id "
							+ "FETCH FIRST " + BATCH + " ROWS ONLY")) {
				select.setLong(1, after);
				try (ResultSet result = select.executeQuery()) {
					while (result.next()) {
						rows.add(new Object[] { result.getLong(1), result.getString(2), result.getString(3) });
					}
				}
			}
			if (rows.isEmpty()) {
				return;
			}
			try (PreparedStatement update = connection.prepareStatement("UPDATE audit_event SET method_type = ?, "
					+ "method_mode = ?, target = ?, facts = ?, detail = NULL WHERE id = ?")) {
				for (Object[] row : rows) {
					Optional<Facts> facts = read((String) row[1], (String) row[2]);
					if (facts.isPresent()) {
						update.setString(1, facts.get().methodType());
						update.setString(2, facts.get().mode());
						update.setString(3, facts.get().target());
						update.setString(4, facts.get().encodedNamed());
						update.setLong(5, (Long) row[0]);
						update.addBatch();
					}
				}
				update.executeBatch();
			}
			after = (Long) rows.get(rows.size() - 1)[0];
		}
	}

	/** The facts of one row's text; empty when the text is none the services wrote, or too long for a column. */
	static Optional<Facts> read(String action, String detail) {
		Facts facts = facts(action, detail);
		if (facts == null || (facts.target() != null && facts.target().length() > 320)
				|| (facts.encodedNamed() != null && facts.encodedNamed().length() > 2000)) {
			return Optional.empty();
		}
		return Optional.of(facts);
	}

	private static Facts facts(String action, String detail) {
		if (METHOD_ACTIONS.contains(action)) {
			return match(METHOD, detail).map(m -> method(m.group(1), null, m.group(2))).orElse(null);
		}
		if (CODE_ACTIONS.contains(action) && detail.equals("AUTHENTICATOR_APP")) {
			return new Facts(null, "APP_CODE", null, Map.of());
		}
		if (CODE_ACTIONS.contains(action)) {
			return match(CODE, detail).map(m -> new Facts(null, mode(m.group(1)), m.group(2), Map.of())).orElse(null);
		}
		if (APP_ACTIONS.contains(action)) {
			return detail.equals("AUTHENTICATOR_APP") ? new Facts(null, "APP_CODE", null, Map.of()) : null;
		}
		if (TARGET_ACTIONS.contains(action)) {
			return new Facts(null, null, detail, Map.of());
		}
		if (TWO_STEP_ACTIONS.contains(action)) {
			return match(TWO_STEP, detail).map(m -> new Facts(null, m.group(1), m.group(2), Map.of())).orElse(null);
		}
		return switch (action) {
			case "DEFAULT_METHOD_CHANGED" ->
				match(DEFAULT, detail).map(m -> method(m.group(1), m.group(3), m.group(2))).orElse(null);
			case "METHOD_CHANGED" -> match(CHANGED, detail)
				.map(m -> method(m.group(1), null, m.group(2)).with("was", target(m.group(1), m.group(3))))
				.orElse(null);
			case "METHOD_POLICY_CHANGED" -> match(METHOD_POLICY, detail).map(m -> {
				Facts policy = none().with("method", m.group(1));
				if (m.group(2).equals("off")) {
					return policy.with("setting", "OFF");
				}
				if (m.group(3) == null) {
					return policy.with("setting", "ON_FOR_ALL");
				}
				return policy.with("setting", "ON_FOR_GROUPS").with("groups", list(m.group(3)));
			}).orElse(null);
			case "TWO_STEP_POLICY_CHANGED" -> match(TWO_STEP_POLICY, detail).map(m -> {
				if (m.group().equals("not required")) {
					return none().with("setting", "NOT_REQUIRED");
				}
				if (m.group(1) == null) {
					return none().with("setting", "REQUIRED_FOR_ALL");
				}
				return none().with("setting", "REQUIRED_FOR_GROUPS").with("groups", list(m.group(1)));
			}).orElse(null);
			case "PHONE_POLICY_CHANGED" -> match(PHONE_POLICY, detail)
				.map(m -> none().with("regions", m.group(2) == null ? "" : list(m.group(2)))
					.with("code-lifetime-minutes", m.group(3))
					.with("wrong-codes", m.group(4))
					.with("resend-seconds", m.group(5))
					.with("codes-per-number-hour", m.group(6))
					.with("codes-per-person-day", m.group(7))
					.with("voip", String.valueOf(m.group(8) != null)))
				.orElse(null);
			case "REGISTRATION_POLICY_CHANGED" -> match(REGISTRATION_POLICY, detail)
				.map(m -> none().with("registration-required", m.group(1))
					.with("reset-methods", m.group(2))
					.with("reconfirm-days", m.group(3))
					.with("skip-days", m.group(4)))
				.orElse(null);
			case "QUESTION_POLICY_CHANGED" -> match(QUESTIONS_SETTING, detail)
				.map(m -> none().with("questions-required", m.group(1))
					.with("questions-offered", m.group(2))
					.with("questions-known", m.group(3)))
				.or(() -> match(QUESTION_ADDED, detail)
					.map(m -> none().with("question", m.group(1)).with("question-text", m.group(2))))
				.orElse(null);
			case "ACCOUNT_CREATED" -> match(ACCOUNT_CREATED, detail)
				.map(m -> new Facts(null, null, m.group(1), Map.of()).with("role", m.group(2)))
				.orElse(null);
			case "SIGN_IN_LOCKED" -> match(SIGN_IN_LOCKED, detail)
				.map(m -> none().with("wrong-passwords", m.group(1)).with("until", instant(m.group(2), m.group(3))))
				.orElse(null);
			case "SIGN_IN_ADDRESS_LOCKED" -> match(ADDRESS_LOCKED, detail)
				.map(m -> new Facts(null, null, m.group(2), Map.of()).with("wrong-passwords", m.group(1))
					.with("until", instant(m.group(3), m.group(4))))
				.orElse(null);
			case "SIGNED_OUT_EVERYWHERE" ->
				match(SESSIONS, detail).map(m -> none().with("sessions", m.group(1))).orElse(null);
			case "NOT_ME_REPORTED" -> match(NOT_ME, detail).map(m -> notMe(m.group(1), m.group(2))).orElse(null);
			case "PASSWORD_RESET_STARTED" ->
				match(RESET_STARTED, detail).map(m -> none().with("methods-required", m.group(1))).orElse(null);
			case "PASSWORD_RESET" -> match(PROVEN, detail)
				.map(m -> none().with("proven", String.join(",", m.group(1).strip().split(" "))))
				.orElse(null);
			case "PASSWORD_RESET_METHOD_VERIFIED", "PASSWORD_RESET_ANSWER_FAILED" -> {
				String[] proof = RESET_OPTIONS.get(detail);
				yield proof == null ? null : new Facts(proof[0], proof[1], null, Map.of());
			}
			default -> null;
		};
	}

	/** "METHOD_ADDED PHONE +31 XXXXXXX78": the change, its method's type and the detail the mail told. */
	private static Facts notMe(String changeMade, String sessions) {
		String[] parts = changeMade.split(" ", 3);
		if (!REPORTED_CHANGES.contains(parts[0])) {
			return null;
		}
		String type = parts.length > 1 ? parts[1] : null;
		if (type != null && !Arrays.asList(TYPES.split("\\|")).contains(type)) {
			return null;
		}
		return method(type, null, parts.length > 2 ? parts[2] : null).with("reported", parts[0])
			.with("sessions", sessions);
	}

	private static Facts method(String type, String mode, String detail) {
		return new Facts(type, mode, target(type, detail), Map.of());
	}

	/** The app's detail ("TOTP") told nothing; the questions' one is their count. */
	private static String target(String type, String detail) {
		if (detail == null || "AUTHENTICATOR_APP".equals(type)) {
			return null;
		}
		if ("SECURITY_QUESTIONS".equals(type)) {
			Matcher answers = ANSWERS.matcher(detail);
			return answers.matches() ? answers.group(1) : detail;
		}
		return detail;
	}

	private static Facts none() {
		return new Facts(null, null, null, Map.of());
	}

	private static String mode(String channel) {
		return switch (channel) {
			case "SMS" -> "TEXT";
			case "VOICE" -> "CALL";
			default -> channel;
		};
	}

	/** "[1, 2]" as it was written: "1,2". */
	private static String list(String items) {
		return items.replace(" ", "");
	}

	private static String instant(String day, String time) {
		return LocalDateTime.parse(day + "T" + time).toInstant(ZoneOffset.UTC).toString();
	}

	private static Optional<Matcher> match(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		return matcher.matches() ? Optional.of(matcher) : Optional.empty();
	}

}
