package io.securityinfo.phone;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Dutch mobile numbers no other test uses: the hourly limit per number is counted over the whole shared database,
 * so each test sends to numbers of its own. They are 06 20xx xxxx, a block no test writes out itself (those use
 * 06 12xx xxxx and 06 4x to 06 6x, such as SecurityInfoControllerTests' 06 1234 1xxx).
 */
public final class TestPhoneNumbers {

	private static final AtomicInteger next = new AtomicInteger(ThreadLocalRandom.current().nextInt(500_000));

	private TestPhoneNumbers() {
	}

	/** A fresh number in E.164 form, such as +31620000042. */
	public static String nextDutchMobile() {
		return "+31620%06d".formatted(next.getAndIncrement() % 1_000_000);
	}

	/** The number as a person in the Netherlands types it: "+31620000042" is "0620000042". */
	public static String national(String dutchE164) {
		return "0" + dutchE164.substring(3);
	}

}
