package io.securityinfo.verification;

/** Why a code was not sent, each with the message key of what the person is told. */
public enum Refusal {

	LOCKED_OUT("verification.refused.locked-out"), DAILY_LIMIT("verification.refused.daily-limit"),
	NUMBER_LIMIT("verification.refused.number-limit"), COOLDOWN("verification.refused.cooldown"),
	CHALLENGE_CLOSED("verification.refused.challenge-closed"),
	REGION_NOT_ALLOWED("verification.refused.region-not-allowed"),
	NUMBER_TYPE_NOT_ALLOWED("verification.refused.number-type"), SEND_FAILED("verification.refused.send-failed"),
	SEND_UNAVAILABLE("verification.refused.send-unavailable");

	private final String messageKey;

	Refusal(String messageKey) {
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return messageKey;
	}

}
