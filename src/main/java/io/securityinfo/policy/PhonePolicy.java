package io.securityinfo.policy;

import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;


/** Where texts and calls may go, and the limits on one-time codes. */
@Service
public class PhonePolicy {

	private final PhonePolicySettingRepository settings;

	private final PolicyDefaults defaults;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PhonePolicy(PhonePolicySettingRepository settings, PolicyDefaults defaults, ApplicationEventPublisher events,
			Clock clock) {
		this.settings = settings;
		this.defaults = defaults;
		this.events = events;
		this.clock = clock;
	}

	/** The rules in force: the saved ones, or the configured defaults until an administrator saves some. */
	@Transactional(readOnly = true)
	public PhoneRules current() {
		return settings.findById(PhonePolicySetting.ID).map(PhonePolicySetting::rules).orElseGet(this::configured);
	}

	@Transactional
	public void save(long adminId, PhoneRules rules) {
		PhonePolicySetting setting = settings.findById(PhonePolicySetting.ID)
			.orElseGet(() -> new PhonePolicySetting(configured(), clock.instant()));
		setting.apply(rules, clock.instant());
		settings.save(setting);
		events.publishEvent(new PhonePolicyChanged(adminId, setting.rules()));
	}

	private PhoneRules configured() {
		PolicyDefaults.Phone phone = defaults.phone();
		Set<String> regions = phone.allowedRegions()
			.stream()
			.map(String::strip)
			.filter(code -> !code.isEmpty())
			.map(String::toUpperCase)
			.collect(Collectors.toUnmodifiableSet());
		return new PhoneRules(regions, phone.codeLifetime(), phone.maxWrongAttempts(), phone.resendCooldown(),
				phone.maxSendsPerNumberPerHour(), phone.maxSendsPerUserPerDay());
	}

}
