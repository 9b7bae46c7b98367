package io.securityinfo.securityinfo.temporaryaccesspass;

import java.time.LocalDateTime;

import jakarta.validation.constraints.NotNull;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * "Create Temporary Access Pass": the lifetime in minutes (in the policy's range, checked by the service), from now
 * or from a later time (in UTC, as the pages show times), one-time or not.
 */
class TemporaryAccessPassForm {

	@NotNull(message = "{accesspass.create.lifetime.missing}")
	private Integer lifetimeMinutes;

	private boolean startLater;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
	private LocalDateTime startsAt;

	private boolean oneTime;

	static TemporaryAccessPassForm proposed(TemporaryAccessPassRules rules) {
		TemporaryAccessPassForm form = new TemporaryAccessPassForm();
		form.setLifetimeMinutes(rules.defaultLifetimeMinutes());
		form.setOneTime(rules.oneTime());
		return form;
	}

	public Integer getLifetimeMinutes() {
		return lifetimeMinutes;
	}

	public void setLifetimeMinutes(Integer lifetimeMinutes) {
		this.lifetimeMinutes = lifetimeMinutes;
	}

	public boolean isStartLater() {
		return startLater;
	}

	public void setStartLater(boolean startLater) {
		this.startLater = startLater;
	}

	public LocalDateTime getStartsAt() {
		return startsAt;
	}

	public void setStartsAt(LocalDateTime startsAt) {
		this.startsAt = startsAt;
	}

	public boolean isOneTime() {
		return oneTime;
	}

	public void setOneTime(boolean oneTime) {
		this.oneTime = oneTime;
	}

}
