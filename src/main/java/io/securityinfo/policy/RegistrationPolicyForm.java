package io.securityinfo.policy;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** "Registration": the registration policy. */
class RegistrationPolicyForm {

	private boolean requireRegistration;

	@NotNull(message = "{policy.registration.methods.range}")
	@Min(value = 1, message = "{policy.registration.methods.range}")
	@Max(value = 2, message = "{policy.registration.methods.range}")
	private Integer methodsRequiredForReset;

	@NotNull(message = "{policy.registration.reconfirm.range}")
	@Min(value = 0, message = "{policy.registration.reconfirm.range}")
	@Max(value = 730, message = "{policy.registration.reconfirm.range}")
	private Integer reconfirmDays;

	@NotNull(message = "{policy.registration.skip.range}")
	@Min(value = 0, message = "{policy.registration.skip.range}")
	@Max(value = 90, message = "{policy.registration.skip.range}")
	private Integer skipDays;

	static RegistrationPolicyForm of(RegistrationRules rules) {
		RegistrationPolicyForm form = new RegistrationPolicyForm();
		form.requireRegistration = rules.requireRegistration();
		form.methodsRequiredForReset = rules.methodsRequiredForReset();
		form.reconfirmDays = rules.reconfirmDays();
		form.skipDays = rules.skipDays();
		return form;
	}

	RegistrationRules toRules() {
		return new RegistrationRules(requireRegistration, methodsRequiredForReset, reconfirmDays, skipDays);
	}

	public boolean isRequireRegistration() {
		return requireRegistration;
	}

	public void setRequireRegistration(boolean requireRegistration) {
		this.requireRegistration = requireRegistration;
	}

	public Integer getMethodsRequiredForReset() {
		return methodsRequiredForReset;
	}

	public void setMethodsRequiredForReset(Integer methodsRequiredForReset) {
		this.methodsRequiredForReset = methodsRequiredForReset;
	}

	public Integer getReconfirmDays() {
		return reconfirmDays;
	}

	public void setReconfirmDays(Integer reconfirmDays) {
		this.reconfirmDays = reconfirmDays;
	}

	public Integer getSkipDays() {
		return skipDays;
	}

	public void setSkipDays(Integer skipDays) {
		this.skipDays = skipDays;
	}

}
