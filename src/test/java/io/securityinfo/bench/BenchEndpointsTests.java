package io.securityinfo.bench;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import io.securityinfo.AppTest;
import io.securityinfo.account.Accounts;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.account.TestAccounts;

/** The bench's diagnostics exist only when the bench turns them on, never in a normal run. */
@AppTest
class BenchEndpointsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	UserDetailsService users;

	@Test
	void pingWhenBenchNotEnabledThenNotFound() throws Exception {
		SignedInUser employee = TestAccounts.newEmployee(accounts, users);

		mvc.perform(get("/bench/ping").with(authentication(TestAccounts.authentication(employee))))
			.andExpect(status().isNotFound());
	}

	@Test
	void statementCountWhenBenchNotEnabledThenNotFoundEvenForAnAdmin() throws Exception {
		SignedInUser admin = TestAccounts.newAdmin(accounts, users);

		mvc.perform(get("/admin/bench/statements").with(authentication(TestAccounts.authentication(admin))))
			.andExpect(status().isNotFound());
	}

}
