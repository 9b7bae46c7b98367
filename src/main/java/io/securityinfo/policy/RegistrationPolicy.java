package io.securityinfo.policy;

import java.time.Clock;

import org.springframework.stereotype.Service;

import io.securityinfo.audit.AuditAction;
import io.securityinfo.audit.AuditLog;

/** Whether people must register security info at sign-in, how many methods, and when they reconfirm. */
@Service
public class RegistrationPolicy extends StoredPolicy<RegistrationRules, RegistrationPolicySetting> {

	private final PolicyDefaults defaults;

	RegistrationPolicy(RegistrationPolicySettingRepository settings, PolicyDefaults defaults, AuditLog auditLog,
			Clock clock) {
		super(settings, RegistrationPolicySetting::new, auditLog, AuditAction.REGISTRATION_POLICY_CHANGED, clock);
		this.defaults = defaults;
	}

	@Override
	RegistrationRules configured() {
		PolicyDefaults.Registration registration = defaults.registration();
		return new RegistrationRules(registration.requireRegistration(), registration.methodsRequiredForReset(),
				registration.reconfirmDays(), registration.skipDays());
	}

	@Override
	String describe(RegistrationRules rules) {
		return "required " + rules.requireRegistration() + ", methods for reset " + rules.methodsRequiredForReset()
				+ ", reconfirm days " + rules.reconfirmDays() + ", skip days " + rules.skipDays();
	}

}
