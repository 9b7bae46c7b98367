package io.securityinfo.policy;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;


/** Whether people must register security info at sign-in, how many methods, and when they reconfirm. */
@Service
public class RegistrationPolicy extends StoredPolicy<RegistrationRules, RegistrationPolicySetting> {

	private final PolicyDefaults defaults;

	RegistrationPolicy(RegistrationPolicySettingRepository settings, PolicyDefaults defaults,
			ApplicationEventPublisher events, Clock clock) {
		super(settings, RegistrationPolicySetting::new, events, clock);
		this.defaults = defaults;
	}

	@Override
	RegistrationRules configured() {
		PolicyDefaults.Registration registration = defaults.registration();
		return new RegistrationRules(registration.requireRegistration(), registration.methodsRequiredForReset(),
				registration.reconfirmDays(), registration.skipDays());
	}

	@Override
	RegistrationPolicyChanged changed(long adminId, RegistrationRules rules) {
		return new RegistrationPolicyChanged(adminId, rules);
	}

}
