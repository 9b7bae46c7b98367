package io.securityinfo.policy;

/** The registration policy in force. */
public record RegistrationRules(boolean requireRegistration, int methodsRequiredForReset, int reconfirmDays,
		int skipDays) {

	public boolean mayReconfirm() {
		return reconfirmDays > 0;
	}

	public boolean maySkip() {
		return skipDays > 0;
	}

}
