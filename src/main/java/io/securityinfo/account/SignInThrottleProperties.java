package io.securityinfo.account;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Throttling of wrong passwords at sign-in. The counts are kept in the database, so they hold across app
 * instances.
 *
 * @param failuresBeforeLock wrong passwords for one email (an account's or not) that lock it
 * @param addressFailuresBeforeLock wrong passwords from one client address, whatever the emails, that lock it
 * @param firstLock how long the first lock lasts; each further one lasts twice the one before
 * @param longestLock the cap of a lock's length
 * @param forgetAfter a quiet time after which the counts and the doubling start over (and the row is deleted)
 */
@Validated
@ConfigurationProperties("app.sign-in.throttle")
record SignInThrottleProperties(@Min(1) @DefaultValue("10") int failuresBeforeLock,
		@Min(1) @DefaultValue("50") int addressFailuresBeforeLock, @NotNull @DefaultValue("1m") Duration firstLock,
		@NotNull @DefaultValue("1h") Duration longestLock, @NotNull @DefaultValue("24h") Duration forgetAfter) {

	/** How long the lock after {@code earlierLocks} others lasts: the first lock, doubled each time, capped. */
	Duration lockLength(int earlierLocks) {
		Duration length = firstLock;
		for (int i = 0; i < earlierLocks && length.compareTo(longestLock) < 0; i++) {
			length = length.multipliedBy(2);
		}
		return length.compareTo(longestLock) < 0 ? length : longestLock;
	}

	@AssertTrue(message = "app.sign-in.throttle: first-lock must be positive and at most longest-lock, which must be "
			+ "shorter than forget-after")
	boolean isConsistent() {
		return !firstLock.isNegative() && !firstLock.isZero() && firstLock.compareTo(longestLock) <= 0 && longestLock.compareTo(forgetAfter) < 0;
	}

}
