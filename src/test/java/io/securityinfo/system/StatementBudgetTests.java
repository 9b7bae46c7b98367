package io.securityinfo.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.securityinfo.AppFixture;
import io.securityinfo.AppTest;
import io.securityinfo.account.Role;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.account.TestAccounts;
import io.securityinfo.audit.AuditLog;
import io.securityinfo.securityinfo.MethodMode;
import io.securityinfo.securityinfo.SecurityInfo;

/**
 * The SQL budget of the busiest pages, counted as the JDBC statements Hibernate prepares for one request (Spring
 * Session's own reads and writes of the session are plain JDBC and not counted). The budgets hold whatever the
 * data size, which docs/performance.md measures with the bench; here they are ordinary assertions, since the
 * counts are deterministic.
 */
@AppTest
class StatementBudgetTests extends AppFixture {

	@Autowired
	SecurityInfo securityInfo;

	@Autowired
	AuditLog auditLog;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@Test
	void securityInfoPageWithAPhoneIssuesAtMostTwoStatements() throws Exception {
		SignedInUser employee = newEmployee();
		securityInfo.register(employee.id(), "PHONE", "+31612345678", MethodMode.TEXT);

		assertThat(statements(employee, get("/security-info"))).isLessThanOrEqualTo(2);
	}

	@Test
	void usersListIssuesOneStatementOnEveryPageWhateverItsPlaceInTheList() throws Exception {
		SignedInUser admin = newAdmin();
		String token = "budget" + System.nanoTime();
		for (int i = 1; i <= 45; i++) {
			accounts.createIfAbsent("%s-%02d@example.com".formatted(token, i), "Budget " + i, TestAccounts.PASSWORD,
					Role.EMPLOYEE);
		}
		String twentieth = token + "-20@example.com";
		String fortyFirst = token + "-41@example.com";

		for (String query : List.of("", token)) {
			assertThat(statements(admin, get("/admin/users").param("q", query))).as("first").isEqualTo(1);
			assertThat(statements(admin, get("/admin/users").param("q", query).param("after", twentieth)))
				.as("next")
				.isEqualTo(1);
			assertThat(statements(admin, get("/admin/users").param("q", query).param("before", fortyFirst)))
				.as("previous")
				.isEqualTo(1);
			assertThat(statements(admin, get("/admin/users").param("q", query).param("last", "true")))
				.as("last")
				.isEqualTo(1);
		}
		// Before the 5th of the search there are only four: the first page instead, read by a second statement.
		assertThat(statements(admin, get("/admin/users").param("q", token).param("before", token + "-05")))
			.isEqualTo(2);
	}

	@Test
	void auditLogIssuesAtMostThreeStatements() throws Exception {
		SignedInUser admin = newAdmin();
		SignedInUser employee = newEmployee();
		securityInfo.register(employee.id(), "PHONE", "+31612345678", MethodMode.TEXT);

		assertThat(statements(admin, get("/admin/audit"))).isLessThanOrEqualTo(3);
		assertThat(statements(admin, get("/admin/audit").param("user", employee.email()))).isLessThanOrEqualTo(3);
	}

	@Test
	void personPageWithAPhoneAndChangesByAnAdminIssuesAtMostThreeStatements() throws Exception {
		SignedInUser admin = newAdmin();
		SignedInUser employee = newEmployee();
		securityInfo.register(employee.id(), "PHONE", "+31612345678", MethodMode.TEXT);
		accounts.requireRegistration(admin.id(), employee.id());

		assertThat(statements(admin, get("/admin/users/{id}", employee.id()))).isLessThanOrEqualTo(3);
	}

	/** Performs the request as the person and answers how many statements Hibernate prepared for it. */
	private long statements(SignedInUser person, MockHttpServletRequestBuilder request) throws Exception {
		Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
		boolean wasEnabled = statistics.isStatisticsEnabled();
		statistics.setStatisticsEnabled(true);
		try {
			statistics.clear();
			mvc.perform(request.with(authentication(TestAccounts.authentication(person))))
				.andExpect(status().isOk());
			return statistics.getPrepareStatementCount();
		}
		finally {
			statistics.setStatisticsEnabled(wasEnabled);
		}
	}

}
