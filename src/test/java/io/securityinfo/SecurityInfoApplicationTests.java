package io.securityinfo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.securityinfo.account.SignedInUser;

@AppTest
class SecurityInfoApplicationTests extends AppFixture {

	@Test
	void startsWithDemoAccountsThatSignInByEmail() {
		SignedInUser alice = (SignedInUser) users.loadUserByUsername("Alice@Example.com");
		assertThat(alice.email()).isEqualTo("alice@example.com");
		assertThat(alice.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_EMPLOYEE");
		assertThat(newEmployee().id()).isNotEqualTo(alice.id());
	}

}
