package io.securityinfo.policy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The saved registration policy. */
@Entity
@Table(name = "registration_policy")
class RegistrationPolicySetting extends PolicySetting<RegistrationRules> {

	@Column(name = "require_registration", nullable = false)
	private boolean requireRegistration;

	@Column(name = "methods_required_for_reset", nullable = false)
	private int methodsRequiredForReset;

	@Column(name = "reconfirm_days", nullable = false)
	private int reconfirmDays;

	@Column(name = "skip_days", nullable = false)
	private int skipDays;

	@Override
	void write(RegistrationRules rules) {
		this.requireRegistration = rules.requireRegistration();
		this.methodsRequiredForReset = rules.methodsRequiredForReset();
		this.reconfirmDays = rules.reconfirmDays();
		this.skipDays = rules.skipDays();
	}

	@Override
	RegistrationRules rules() {
		return new RegistrationRules(requireRegistration, methodsRequiredForReset, reconfirmDays, skipDays);
	}

}
