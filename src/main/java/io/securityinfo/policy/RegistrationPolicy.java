package io.securityinfo.policy;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;


/** Whether people must register security info at sign-in, how many methods, and when they reconfirm. */
@Service
public class RegistrationPolicy {

	private final RegistrationPolicySettingRepository settings;

	private final PolicyDefaults defaults;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	RegistrationPolicy(RegistrationPolicySettingRepository settings, PolicyDefaults defaults, ApplicationEventPublisher events,
			Clock clock) {
		this.settings = settings;
		this.defaults = defaults;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public RegistrationRules current() {
		return settings.findById(RegistrationPolicySetting.ID)
			.map(RegistrationPolicySetting::rules)
			.orElseGet(this::configured);
	}

	@Transactional
	public void save(long adminId, RegistrationRules rules) {
		RegistrationPolicySetting setting = settings.findById(RegistrationPolicySetting.ID)
			.orElseGet(() -> new RegistrationPolicySetting(rules, clock.instant()));
		setting.apply(rules, clock.instant());
		settings.save(setting);
		events.publishEvent(new RegistrationPolicyChanged(adminId, rules));
	}

	private RegistrationRules configured() {
		PolicyDefaults.Registration registration = defaults.registration();
		return new RegistrationRules(registration.requireRegistration(), registration.methodsRequiredForReset(),
				registration.reconfirmDays(), registration.skipDays());
	}

}
