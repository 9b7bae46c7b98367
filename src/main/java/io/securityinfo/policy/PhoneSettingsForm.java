package io.securityinfo.policy;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The phone settings on "Authentication methods". */
class PhoneSettingsForm {

	@Size(max = 2000, message = "{policy.phone.regions.too-long}")
	private String allowedRegions;

	@NotNull(message = "{policy.phone.lifetime.range}")
	@Min(value = 1, message = "{policy.phone.lifetime.range}")
	@Max(value = 60, message = "{policy.phone.lifetime.range}")
	private Integer codeLifetimeMinutes;

	@NotNull(message = "{policy.phone.attempts.range}")
	@Min(value = 1, message = "{policy.phone.attempts.range}")
	@Max(value = 10, message = "{policy.phone.attempts.range}")
	private Integer maxWrongAttempts;

	@NotNull(message = "{policy.phone.cooldown.range}")
	@Min(value = 10, message = "{policy.phone.cooldown.range}")
	@Max(value = 600, message = "{policy.phone.cooldown.range}")
	private Integer resendCooldownSeconds;

	@NotNull(message = "{policy.phone.per-number.range}")
	@Min(value = 1, message = "{policy.phone.per-number.range}")
	@Max(value = 100, message = "{policy.phone.per-number.range}")
	private Integer maxSendsPerNumberPerHour;

	@NotNull(message = "{policy.phone.per-user.range}")
	@Min(value = 1, message = "{policy.phone.per-user.range}")
	@Max(value = 1000, message = "{policy.phone.per-user.range}")
	private Integer maxSendsPerUserPerDay;

	/** "Also allow internet (VoIP) numbers". */
	private boolean allowVoip;

	static PhoneSettingsForm of(PhoneRules rules) {
		PhoneSettingsForm form = new PhoneSettingsForm();
		form.allowedRegions = String.join(", ", rules.allowedRegions().stream().sorted().toList());
		form.codeLifetimeMinutes = (int) rules.codeLifetime().toMinutes();
		form.maxWrongAttempts = rules.maxWrongAttempts();
		form.resendCooldownSeconds = (int) rules.resendCooldown().toSeconds();
		form.maxSendsPerNumberPerHour = rules.maxSendsPerNumberPerHour();
		form.maxSendsPerUserPerDay = rules.maxSendsPerUserPerDay();
		form.allowVoip = rules.allowVoip();
		return form;
	}

	PhoneRules toRules(java.util.Set<String> regions) {
		return new PhoneRules(regions, Duration.ofMinutes(codeLifetimeMinutes), maxWrongAttempts,
				Duration.ofSeconds(resendCooldownSeconds), maxSendsPerNumberPerHour, maxSendsPerUserPerDay, allowVoip);
	}

	public String getAllowedRegions() {
		return allowedRegions;
	}

	public void setAllowedRegions(String allowedRegions) {
		this.allowedRegions = allowedRegions;
	}

	public Integer getCodeLifetimeMinutes() {
		return codeLifetimeMinutes;
	}

	public void setCodeLifetimeMinutes(Integer codeLifetimeMinutes) {
		this.codeLifetimeMinutes = codeLifetimeMinutes;
	}

	public Integer getMaxWrongAttempts() {
		return maxWrongAttempts;
	}

	public void setMaxWrongAttempts(Integer maxWrongAttempts) {
		this.maxWrongAttempts = maxWrongAttempts;
	}

	public Integer getResendCooldownSeconds() {
		return resendCooldownSeconds;
	}

	public void setResendCooldownSeconds(Integer resendCooldownSeconds) {
		this.resendCooldownSeconds = resendCooldownSeconds;
	}

	public Integer getMaxSendsPerNumberPerHour() {
		return maxSendsPerNumberPerHour;
	}

	public void setMaxSendsPerNumberPerHour(Integer maxSendsPerNumberPerHour) {
		this.maxSendsPerNumberPerHour = maxSendsPerNumberPerHour;
	}

	public Integer getMaxSendsPerUserPerDay() {
		return maxSendsPerUserPerDay;
	}

	public void setMaxSendsPerUserPerDay(Integer maxSendsPerUserPerDay) {
		this.maxSendsPerUserPerDay = maxSendsPerUserPerDay;
	}

	public boolean isAllowVoip() {
		return allowVoip;
	}

	public void setAllowVoip(boolean allowVoip) {
		this.allowVoip = allowVoip;
	}

}
