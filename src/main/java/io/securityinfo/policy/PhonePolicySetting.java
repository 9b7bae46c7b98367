package io.securityinfo.policy;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The saved phone settings. */
@Entity
@Table(name = "phone_policy")
class PhonePolicySetting extends PolicySetting<PhoneRules> {

	@Column(name = "allowed_regions")
	private String allowedRegions;

	@Column(name = "code_lifetime_seconds", nullable = false)
	private int codeLifetimeSeconds;

	@Column(name = "max_wrong_attempts", nullable = false)
	private int maxWrongAttempts;

	@Column(name = "resend_cooldown_seconds", nullable = false)
	private int resendCooldownSeconds;

	@Column(name = "max_sends_per_number_per_hour", nullable = false)
	private int maxSendsPerNumberPerHour;

	@Column(name = "max_sends_per_user_per_day", nullable = false)
	private int maxSendsPerUserPerDay;

	@Column(name = "allow_voip", nullable = false)
	private boolean allowVoip;

	@Override
	void write(PhoneRules rules) {
		this.allowedRegions = rules.allowedRegions().isEmpty() ? null : String.join(",", new TreeSet<>(rules.allowedRegions()));
		this.codeLifetimeSeconds = (int) rules.codeLifetime().toSeconds();
		this.maxWrongAttempts = rules.maxWrongAttempts();
		this.resendCooldownSeconds = (int) rules.resendCooldown().toSeconds();
		this.maxSendsPerNumberPerHour = rules.maxSendsPerNumberPerHour();
		this.maxSendsPerUserPerDay = rules.maxSendsPerUserPerDay();
		this.allowVoip = rules.allowVoip();
	}

	@Override
	PhoneRules rules() {
		Set<String> regions = allowedRegions == null ? Set.of()
				: Arrays.stream(allowedRegions.split(",")).collect(Collectors.toUnmodifiableSet());
		return new PhoneRules(regions, Duration.ofSeconds(codeLifetimeSeconds), maxWrongAttempts,
				Duration.ofSeconds(resendCooldownSeconds), maxSendsPerNumberPerHour, maxSendsPerUserPerDay, allowVoip);
	}

}
