package io.securityinfo.phone;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Dutch mobile numbers no other test uses: the hourly limit per number is counted over the whole shared database,
 * so each test sends to numbers of its own.
 */
public final class TestPhoneNumbers {

	private static final AtomicInteger next = new AtomicInteger(ThreadLocalRandom.current().nextInt(5000));

	private TestPhoneNumbers() {
	}

	/** A fresh number in E.164 form, such as +31612340042. */
	public static String nextDutchMobile() {
		return "+3161234%04d".formatted(next.getAndIncrement() % 10_000);
	}

	/** The number as a person in the Netherlands types it: "0612340042". */
	public static String national(String dutchE164) {
		return "0" + dutchE164.substring(3);
	}

}
