package io.securityinfo;

import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import io.securityinfo.account.Accounts;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.account.TestAccounts;
import io.securityinfo.email.CapturingEmailGateway;
import io.securityinfo.sms.CapturingSmsGateway;
import io.securityinfo.system.TestClock;

/**
 * What most whole-app tests over MockMvc use, autowired once: MockMvc, the people a test creates, the texts, calls
 * and mails the app sent ({@link TestBeans}' capturing gateways), the clock a test moves, and what the database holds
 * for a person. A test class extends it, keeps its own context annotation ({@link AppTest}, or a
 * {@code @SpringBootTest} of its own with MockMvc) and autowires only what else it needs.
 */
public abstract class AppFixture {

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected Accounts accounts;

	@Autowired
	protected UserDetailsService users;

	/** Null in a context with the real gateways instead of {@link TestBeans}' capturing ones. */
	@Autowired(required = false)
	protected CapturingSmsGateway sms;

	/** Null in a context with the real gateways instead of {@link TestBeans}' capturing ones. */
	@Autowired(required = false)
	protected CapturingEmailGateway email;

	/** Null in a context without {@link TestBeans}' clock or one of its own. */
	@Autowired(required = false)
	protected TestClock clock;

	@Autowired
	protected JdbcTemplate jdbc;

	/** A new employee with an email of their own, as a signed-in session holds them. */
	protected SignedInUser newEmployee() {
		return TestAccounts.newEmployee(accounts, users);
	}

	/** A new administrator with an email of their own, as a signed-in session holds them. */
	protected SignedInUser newAdmin() {
		return TestAccounts.newAdmin(accounts, users);
	}

	/** Six digits that are not this code. */
	protected static String wrongCode(String rightCode) {
		return "%06d".formatted((Integer.parseInt(rightCode) + 1) % 1_000_000);
	}

	/** How many methods the person has registered. */
	protected long methodsOf(SignedInUser user) {
		return jdbc.queryForObject("select count(*) from security_method where account_id = ?", Long.class,
				user.id());
	}

	/** How many codes were ever asked for the person (challenges, open or not). */
	protected long challengesOf(SignedInUser user) {
		return jdbc.queryForObject("select count(*) from verification_challenge where account_id = ?", Long.class,
				user.id());
	}

	/** The id of the person's method of this type, such as PHONE. */
	protected long methodId(SignedInUser user, String type) {
		return jdbc.queryForObject("select id from security_method where account_id = ? and type = ?", Long.class,
				user.id(), type);
	}

	/** The method's detail as stored: a number in E.164 form (with ";ext=" for an extension), an address… */
	protected String detailOf(long methodId) {
		return jdbc.queryForObject("select detail from security_method where id = ?", String.class, methodId);
	}

	/** The method's mode when it is the default (TEXT, CALL, …); null when it is not the default. */
	protected String defaultModeOf(long methodId) {
		return jdbc.queryForObject("select default_mode from security_method where id = ?", String.class, methodId);
	}

	/** The actions audited about the person, oldest first. */
	protected List<String> auditActions(SignedInUser user) {
		return auditActions(user.id());
	}

	/** The actions audited about the account, oldest first. */
	protected List<String> auditActions(long accountId) {
		return jdbc.queryForList("select action from audit_event where subject_account_id = ? order by id",
				String.class, accountId);
	}

	/**
	 * The audit rows about the account, oldest first: each row's action, and its {@code detail}, an SQL expression
	 * over the row's columns such as {@code "method_mode || ' ' || target"} ("TEXT +XX XXXXXXX78").
	 */
	protected List<AuditRow> auditRows(long accountId, String detail) {
		return jdbc.query("select action, " + detail + " as detail from audit_event where subject_account_id = ? "
				+ "order by id", (row, index) -> new AuditRow(row.getString("action"), row.getString("detail")),
				accountId);
	}

	/** An audit row: what happened, and the detail read with it. */
	public record AuditRow(String action, String detail) {
	}

}
