package io.securityinfo.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.securityinfo.AppTest;
import io.securityinfo.account.Accounts;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.account.TestAccounts;
import io.securityinfo.audit.AuditAction;
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
class StatementBudgetTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	UserDetailsService users;

	@Autowired
	SecurityInfo securityInfo;

	@Autowired
	AuditLog auditLog;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@Test
	void securityInfoPageWithAPhoneIssuesAtMostTwoStatements() throws Exception {
		SignedInUser employee = TestAccounts.newEmployee(accounts, users);
		securityInfo.register(employee.id(), "PHONE", "+31612345678", MethodMode.TEXT);

		assertThat(statements(employee, get("/security-info"))).isLessThanOrEqualTo(2);
	}

	@Test
	void usersListIssuesAtMostThreeStatements() throws Exception {
		SignedInUser admin = TestAccounts.newAdmin(accounts, users);
		TestAccounts.newEmployee(accounts, users);

		assertThat(statements(admin, get("/admin/users"))).isLessThanOrEqualTo(3);
		assertThat(statements(admin, get("/admin/users").param("q", "employee"))).isLessThanOrEqualTo(3);
	}

	@Test
	void auditLogIssuesAtMostThreeStatements() throws Exception {
		SignedInUser admin = TestAccounts.newAdmin(accounts, users);
		SignedInUser employee = TestAccounts.newEmployee(accounts, users);
		securityInfo.register(employee.id(), "PHONE", "+31612345678", MethodMode.TEXT);

		assertThat(statements(admin, get("/admin/audit"))).isLessThanOrEqualTo(3);
		assertThat(statements(admin, get("/admin/audit").param("user", employee.email()))).isLessThanOrEqualTo(3);
	}

	@Test
	void personPageWithAPhoneAndChangesByAnAdminIssuesAtMostThreeStatements() throws Exception {
		SignedInUser admin = TestAccounts.newAdmin(accounts, users);
		SignedInUser employee = TestAccounts.newEmployee(accounts, users);
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
