package io.securityinfo.sms;

import java.util.Arrays;
import java.util.List;

/**
 * How far a text got on its way to the phone, as the provider reports it, in the order a text passes through
 * them. Reports can arrive out of order and more than once, so a status only ever replaces an earlier one, and
 * the last three, being final, are never replaced.
 */
public enum DeliveryStatus {

	QUEUED, SENDING, SENT, DELIVERED, UNDELIVERED, FAILED;

	public boolean isFinal() {
		return this == DELIVERED || this == UNDELIVERED || this == FAILED;
	}

	/** The text did not reach the phone and will not: the person should try another way. */
	public boolean isFailure() {
		return this == UNDELIVERED || this == FAILED;
	}

	/** The statuses a report of this one may replace: those a text passes through before it. */
	public List<DeliveryStatus> replaces() {
		return Arrays.stream(values()).filter(earlier -> !earlier.isFinal() && earlier.ordinal() < ordinal()).toList();
	}

}
