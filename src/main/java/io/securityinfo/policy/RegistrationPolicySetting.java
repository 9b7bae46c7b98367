package io.securityinfo.policy;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The saved registration policy; the only row has id 1. */
@Entity
@Table(name = "registration_policy")
class RegistrationPolicySetting {

	static final int ID = 1;

	@Id
	private Integer id;

	@Column(name = "require_registration", nullable = false)
	private boolean requireRegistration;

	@Column(name = "methods_required_for_reset", nullable = false)
	private int methodsRequiredForReset;

	@Column(name = "reconfirm_days", nullable = false)
	private int reconfirmDays;

	@Column(name = "skip_days", nullable = false)
	private int skipDays;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected RegistrationPolicySetting() {
	}

	RegistrationPolicySetting(RegistrationRules rules, Instant updatedAt) {
		this.id = ID;
		apply(rules, updatedAt);
	}

	void apply(RegistrationRules rules, Instant updatedAt) {
		this.requireRegistration = rules.requireRegistration();
		this.methodsRequiredForReset = rules.methodsRequiredForReset();
		this.reconfirmDays = rules.reconfirmDays();
		this.skipDays = rules.skipDays();
		this.updatedAt = updatedAt;
	}

	RegistrationRules rules() {
		return new RegistrationRules(requireRegistration, methodsRequiredForReset, reconfirmDays, skipDays);
	}

}
