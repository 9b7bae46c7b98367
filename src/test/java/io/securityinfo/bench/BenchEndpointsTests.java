package io.securityinfo.bench;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

import io.securityinfo.AppFixture;
import io.securityinfo.AppTest;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.account.TestAccounts;

/** The bench's diagnostics exist only when the bench turns them on, never in a normal run. */
@AppTest
class BenchEndpointsTests extends AppFixture {

	@Test
	void pingWhenBenchNotEnabledThenNotFound() throws Exception {
		SignedInUser employee = newEmployee();

		mvc.perform(get("/bench/ping").with(authentication(TestAccounts.authentication(employee))))
			.andExpect(status().isNotFound());
	}

	@Test
	void statementCountWhenBenchNotEnabledThenNotFoundEvenForAnAdmin() throws Exception {
		SignedInUser admin = newAdmin();

		mvc.perform(get("/admin/bench/statements").with(authentication(TestAccounts.authentication(admin))))
			.andExpect(status().isNotFound());
	}

}
