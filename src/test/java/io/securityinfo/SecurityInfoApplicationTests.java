package io.securityinfo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.securityinfo.account.Accounts;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.account.TestAccounts;

@AppTest
class SecurityInfoApplicationTests {

	@Autowired
	Accounts accounts;

	@Autowired
	UserDetailsService users;

	@Test
	void startsWithDemoAccountsThatSignInByEmail() {
		SignedInUser alice = (SignedInUser) users.loadUserByUsername("Alice@Example.com");
		assertThat(alice.email()).isEqualTo("alice@example.com");
		assertThat(alice.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_EMPLOYEE");
		assertThat(TestAccounts.newEmployee(accounts, users).id()).isNotEqualTo(alice.id());
	}

}
