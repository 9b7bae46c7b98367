package io.securityinfo.policy;

import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;


/** Where texts and calls may go, and the limits on one-time codes. */
@Service
public class PhonePolicy extends StoredPolicy<PhoneRules, PhonePolicySetting> {

	private final PolicyDefaults defaults;

	PhonePolicy(PhonePolicySettingRepository settings, PolicyDefaults defaults, ApplicationEventPublisher events,
			Clock clock) {
		super(settings, PhonePolicySetting::new, events, clock);
		this.defaults = defaults;
	}

	@Override
	PhoneRules configured() {
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

	/** The organisation's own country, upper case; empty when none is configured. */
	public String homeRegion() {
		return defaults.phone().homeRegion().strip().toUpperCase(java.util.Locale.ROOT);
	}

	@Override
	PhonePolicyChanged changed(long adminId, PhoneRules rules) {
		return new PhonePolicyChanged(adminId, rules);
	}

}
