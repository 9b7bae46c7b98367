package io.securityinfo.passwordreset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.securityinfo.AppFixture;
import io.securityinfo.AppTest;

@AppTest
class ExpiredResetsTests extends AppFixture {

	@Autowired
	ExpiredResets expiredResets;

	@Autowired
	PasswordResets resets;

	@Test
	void deleteExpiredWhenAResetStartedMoreThanADayAgoThenItGoesAndNewerOnesStay() {
		String old = resets.start("old-" + System.nanoTime() + "@example.com", "10.78.0.1").orElseThrow();
		clock.advance(Duration.ofHours(1));
		String aDayOld = resets.start("day-" + System.nanoTime() + "@example.com", "10.78.0.1").orElseThrow();
		clock.advance(Duration.ofDays(1));
		String fresh = resets.start("fresh-" + System.nanoTime() + "@example.com", "10.78.0.1").orElseThrow();

		assertThat(expiredResets.deleteExpired()).isPositive();

		assertThat(exists(old)).isFalse();
		assertThat(exists(aDayOld)).isTrue();
		assertThat(exists(fresh)).isTrue();
		assertThat(expiredResets.deleteExpired()).isZero();
	}

	private boolean exists(String resetId) {
		return jdbc.queryForObject("select count(*) from password_reset where id = ?", Integer.class, resetId) == 1;
	}

}
