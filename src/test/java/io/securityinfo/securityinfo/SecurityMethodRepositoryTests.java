package io.securityinfo.securityinfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import io.securityinfo.TestDatabase;
import io.securityinfo.securityinfo.phone.PhoneModes;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/** The repository on the schema the Flyway migrations build: on H2, and on PostgreSQL in the build's second pass. */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
class SecurityMethodRepositoryTests {

	private static final Instant CREATED = Instant.parse("2026-11-24T09:00:00Z");

	@Autowired
	SecurityMethodRepository methods;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EntityManager entityManager;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@Autowired
	DataSource dataSource;

	@Test
	void migrationsWhenAppliedThenHibernateValidatesTheSchemaAgainstThem() throws Exception {
		assertThat(entityManagerFactory.getProperties()).containsEntry("hibernate.hbm2ddl.auto", "validate");
		assertThat(jdbc.queryForList("select \"success\" from \"flyway_schema_history\"", Boolean.class)).isNotEmpty()
			.containsOnly(true);
		try (var connection = dataSource.getConnection()) {
			assertThat(connection.getMetaData().getURL()).as("a test database, not the app's own file")
				.doesNotStartWith("jdbc:h2:file:");
		}
	}

	@Test
	void saveWhenPhoneIsStoredThenFoundWithItsDetailAndDefault() {
		long account = insertAccount("saved@example.com");
		SecurityMethod phone = new SecurityMethod(account, "PHONE", "+31612345678", CREATED);
		phone.makeDefault(PhoneModes.CALL);
		methods.saveAndFlush(phone);
		entityManager.clear();

		List<SecurityMethod> found = methods.findByAccountIdOrderByCreatedAtAscIdAsc(account);

		assertThat(found).singleElement().satisfies(method -> {
			assertThat(method.getType()).isEqualTo("PHONE");
			assertThat(method.getDetail()).isEqualTo("+31612345678");
			assertThat(method.getDefaultMode()).isEqualTo(PhoneModes.CALL.name());
			assertThat(method.getCreatedAt()).isEqualTo(CREATED);
		});
		assertThat(methods.existsByAccountIdAndTypeAndDetail(account, "PHONE", "+31612345678")).isTrue();
	}

	@Test
	void saveWhenAccountHasAPhoneAlreadyThenSecondPhoneIsRefused() {
		long account = insertAccount("twice@example.com");
		methods.saveAndFlush(new SecurityMethod(account, "PHONE", "+31612345678", CREATED));

		assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(
				() -> methods.saveAndFlush(new SecurityMethod(account, "PHONE", "+447911123456", CREATED)));
	}

	@Test
	void saveWhenAnotherAccountHasAPhoneThenOwnPhoneIsStored() {
		long first = insertAccount("first@example.com");
		long second = insertAccount("second@example.com");
		methods.saveAndFlush(new SecurityMethod(first, "PHONE", "+31612345678", CREATED));

		methods.saveAndFlush(new SecurityMethod(second, "PHONE", "+31612345678", CREATED));

		assertThat(jdbc.queryForObject("select count(*) from security_method where type = 'PHONE'", Integer.class))
			.isEqualTo(2);
	}

	@Test
	void saveWhenAccountDoesNotExistThenRefused() {
		long missing = jdbc.queryForObject("select coalesce(max(id), 0) + 1000 from account", Long.class);

		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> methods.saveAndFlush(new SecurityMethod(missing, "PHONE", "+31612345678", CREATED)));
	}

	private long insertAccount(String email) {
		jdbc.update("""
				insert into account (email, display_name, password_hash, role, enabled, created_at)
				values (?, 'Test Employee', '{noop}unused', 'EMPLOYEE', true, ?)""", email,
				Timestamp.from(CREATED));
		return jdbc.queryForObject("select id from account where email = ?", Long.class, email);
	}

}
