package io.securityinfo.securityinfo.temporaryaccesspass;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Admin → Authentication methods → Temporary Access Pass: lifetimes in minutes, length, one-time by default. */
class TemporaryAccessPassSettingsForm {

	@NotNull(message = "{accesspass.settings.lifetime.range}")
	@Min(value = TemporaryAccessPassRules.SHORTEST_MINUTES, message = "{accesspass.settings.lifetime.range}")
	@Max(value = TemporaryAccessPassRules.LONGEST_MINUTES, message = "{accesspass.settings.lifetime.range}")
	private Integer minLifetimeMinutes;

	@NotNull(message = "{accesspass.settings.lifetime.range}")
	@Min(value = TemporaryAccessPassRules.SHORTEST_MINUTES, message = "{accesspass.settings.lifetime.range}")
	@Max(value = TemporaryAccessPassRules.LONGEST_MINUTES, message = "{accesspass.settings.lifetime.range}")
	private Integer maxLifetimeMinutes;

	@NotNull(message = "{accesspass.settings.lifetime.range}")
	@Min(value = TemporaryAccessPassRules.SHORTEST_MINUTES, message = "{accesspass.settings.lifetime.range}")
	@Max(value = TemporaryAccessPassRules.LONGEST_MINUTES, message = "{accesspass.settings.lifetime.range}")
	private Integer defaultLifetimeMinutes;

	@NotNull(message = "{accesspass.settings.length.range}")
	@Min(value = TemporaryAccessPassRules.MIN_LENGTH, message = "{accesspass.settings.length.range}")
	@Max(value = TemporaryAccessPassRules.MAX_LENGTH, message = "{accesspass.settings.length.range}")
	private Integer length;

	private boolean oneTime;

	static TemporaryAccessPassSettingsForm of(TemporaryAccessPassRules rules) {
		TemporaryAccessPassSettingsForm form = new TemporaryAccessPassSettingsForm();
		form.setMinLifetimeMinutes(rules.minLifetimeMinutes());
		form.setMaxLifetimeMinutes(rules.maxLifetimeMinutes());
		form.setDefaultLifetimeMinutes(rules.defaultLifetimeMinutes());
		form.setLength(rules.length());
		form.setOneTime(rules.oneTime());
		return form;
	}

	TemporaryAccessPassRules rules() {
		return new TemporaryAccessPassRules(minLifetimeMinutes, maxLifetimeMinutes, defaultLifetimeMinutes, length,
				oneTime);
	}

	public Integer getMinLifetimeMinutes() {
		return minLifetimeMinutes;
	}

	public void setMinLifetimeMinutes(Integer minLifetimeMinutes) {
		this.minLifetimeMinutes = minLifetimeMinutes;
	}

	public Integer getMaxLifetimeMinutes() {
		return maxLifetimeMinutes;
	}

	public void setMaxLifetimeMinutes(Integer maxLifetimeMinutes) {
		this.maxLifetimeMinutes = maxLifetimeMinutes;
	}

	public Integer getDefaultLifetimeMinutes() {
		return defaultLifetimeMinutes;
	}

	public void setDefaultLifetimeMinutes(Integer defaultLifetimeMinutes) {
		this.defaultLifetimeMinutes = defaultLifetimeMinutes;
	}

	public Integer getLength() {
		return length;
	}

	public void setLength(Integer length) {
		this.length = length;
	}

	public boolean isOneTime() {
		return oneTime;
	}

	public void setOneTime(boolean oneTime) {
		this.oneTime = oneTime;
	}

}
