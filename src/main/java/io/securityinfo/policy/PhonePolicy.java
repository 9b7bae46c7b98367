package io.securityinfo.policy;

import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import io.securityinfo.audit.AuditAction;
import io.securityinfo.audit.AuditLog;

/** Where texts and calls may go, and the limits on one-time codes. */
@Service
public class PhonePolicy extends StoredPolicy<PhoneRules, PhonePolicySetting> {

	private final PolicyDefaults defaults;

	PhonePolicy(PhonePolicySettingRepository settings, PolicyDefaults defaults, AuditLog auditLog, Clock clock) {
		super(settings, PhonePolicySetting::new, auditLog, AuditAction.PHONE_POLICY_CHANGED, clock);
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

	@Override
	String describe(PhoneRules rules) {
		return "regions " + (rules.allRegionsAllowed() ? "all" : rules.allowedRegions().stream().sorted().toList())
				+ ", lifetime " + rules.codeLifetime().toMinutes() + " min, attempts " + rules.maxWrongAttempts()
				+ ", cooldown " + rules.resendCooldown().toSeconds() + " s, per number/hour "
				+ rules.maxSendsPerNumberPerHour() + ", per user/day " + rules.maxSendsPerUserPerDay()
				+ (rules.allowVoip() ? ", VoIP numbers allowed" : "");
	}

}
