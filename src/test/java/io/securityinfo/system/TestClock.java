package io.securityinfo.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that stands still until a test moves it. */
public class TestClock extends Clock {

	public static final Instant START = Instant.parse("2026-11-24T09:00:00Z");

	private Instant now;

	public TestClock() {
		this(START);
	}

	public TestClock(Instant now) {
		this.now = now;
	}

	public synchronized void advance(Duration duration) {
		now = now.plus(duration);
	}

	public synchronized void set(Instant instant) {
		now = instant;
	}

	@Override
	public synchronized Instant instant() {
		return now;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

}
