package io.securityinfo.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.securityinfo.account.AccountPage.Position;
import io.securityinfo.account.AccountPage.Position.Kind;

class AccountPageTests {

	@Test
	void positionWhenOneOfAfterBeforeOrLastIsGivenThenThatPage() {
		assertThat(Position.of("ann@example.com", null, false))
			.isEqualTo(new Position(Kind.AFTER, "ann@example.com"));
		assertThat(Position.of(null, "not an email", false)).isEqualTo(new Position(Kind.BEFORE, "not an email"));
		assertThat(Position.of(null, null, true)).isEqualTo(Position.last());
		assertThat(Position.of("", "  ", true)).isEqualTo(Position.last());
		assertThat(Position.of(null, null, false)).isEqualTo(Position.first());
	}

	@Test
	void positionWhenMoreThanOneIsGivenOrTheEmailCannotBeOneThenTheFirstPage() {
		assertThat(Position.of("a@example.com", "b@example.com", false)).isEqualTo(Position.first());
		assertThat(Position.of("a@example.com", null, true)).isEqualTo(Position.first());
		assertThat(Position.of(null, "b@example.com", true)).isEqualTo(Position.first());
		assertThat(Position.of(" ", null, false)).isEqualTo(Position.first());
		assertThat(Position.of("a\u0000@example.com", null, false)).isEqualTo(Position.first());
		assertThat(Position.of(null, "line\nbreak", false)).isEqualTo(Position.first());
	}

}
