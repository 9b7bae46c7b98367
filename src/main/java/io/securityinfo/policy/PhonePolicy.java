package io.securityinfo.policy;

import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.securityinfo.audit.AuditAction;
import io.securityinfo.audit.AuditLog;

/** Where texts and calls may go, and the limits on one-time codes. */
@Service
public class PhonePolicy {

	private final PhonePolicySettingRepository settings;

	private final PolicyDefaults defaults;

	private final AuditLog auditLog;

	private final Clock clock;

	PhonePolicy(PhonePolicySettingRepository settings, PolicyDefaults defaults, AuditLog auditLog, Clock clock) {
		this.settings = settings;
		this.defaults = defaults;
		this.auditLog = auditLog;
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
		auditLog.record(adminId, null, AuditAction.PHONE_POLICY_CHANGED, describe(setting.rules()));
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

	private static String describe(PhoneRules rules) {
		return "regions " + (rules.allRegionsAllowed() ? "all" : rules.allowedRegions().stream().sorted().toList())
				+ ", lifetime " + rules.codeLifetime().toMinutes() + " min, attempts " + rules.maxWrongAttempts()
				+ ", cooldown " + rules.resendCooldown().toSeconds() + " s, per number/hour "
				+ rules.maxSendsPerNumberPerHour() + ", per user/day " + rules.maxSendsPerUserPerDay()
				+ (rules.allowVoip() ? ", VoIP numbers allowed" : "");
	}

}
