package io.securityinfo.policy;

import java.time.Clock;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.securityinfo.audit.AuditAction;
import io.securityinfo.audit.AuditLog;

/**
 * "Require two-step verification at sign-in", for all users or for groups. Read from the database on every use
 * (one statement), like the other policies; the configured default applies until an administrator saves one.
 */
@Service
public class TwoStepPolicy {

	private final TwoStepPolicySettingRepository settings;

	private final PolicyDefaults defaults;

	private final AuditLog auditLog;

	private final Clock clock;

	TwoStepPolicy(TwoStepPolicySettingRepository settings, PolicyDefaults defaults, AuditLog auditLog, Clock clock) {
		this.settings = settings;
		this.defaults = defaults;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public TwoStepRules current() {
		return settings.findById(TwoStepPolicySetting.ID)
			.map(TwoStepPolicySetting::rules)
			.orElseGet(() -> new TwoStepRules(defaults.twoStep().required(), true, Set.of()));
	}

	/** Whether this person must give a second factor at sign-in (when they have a method to give it with). */
	@Transactional(readOnly = true)
	public boolean appliesTo(long accountId) {
		Integer saved = settings.appliesTo(accountId);
		return saved == null ? defaults.twoStep().required() : saved == 1;
	}

	@Transactional
	public void save(long adminId, TwoStepRules rules) {
		TwoStepPolicySetting setting = settings.findById(TwoStepPolicySetting.ID)
			.orElseGet(() -> new TwoStepPolicySetting(clock.instant()));
		setting.apply(rules, clock.instant());
		settings.save(setting);
		auditLog.record(adminId, null, AuditAction.TWO_STEP_POLICY_CHANGED, rules.describe());
	}

}
