package io.securityinfo.policy;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Ask for the strongest method first" (Admin → Two-step verification) and "Require phishing-resistant sign-in"
 * (Admin → Authentication methods). Read from the database on every use, like the other policies; a change reaches
 * a person at their next sign-in.
 */
@Service
public class SignInPolicy {

	/** Stands for "no group" in a count's {@code in (...)}, which may not be empty: no group has this id. */
	private static final List<Long> NO_GROUP = List.of(-1L);

	private final SignInPolicySettingRepository settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final PolicyDefaults defaults;

	SignInPolicy(SignInPolicySettingRepository settings, ApplicationEventPublisher events, Clock clock,
			PolicyDefaults defaults) {
		this.defaults = defaults;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public SignInRules current() {
		return settings.findById(SignInPolicySetting.ID).map(SignInPolicySetting::rules).orElseGet(this::configured);
	}

	/** Whether two-step sign-in and step-up ask for a person's strongest method first, rather than their default. */
	@Transactional(readOnly = true)
	public boolean strongestFirst() {
		return current().strongestFirst();
	}

	/** Whether this person must sign in with a phishing-resistant method once they have one. */
	@Transactional(readOnly = true)
	public boolean requiresPhishingResistance(long accountId) {
		Integer saved = settings.phishingResistanceAppliesTo(accountId);
		return saved != null && saved == 1;
	}

	/** How many enabled people "Require phishing-resistant sign-in" applies to under these rules: one count. */
	@Transactional(readOnly = true)
	public long peopleRequiredPhishingResistance(SignInRules rules) {
		if (!rules.phishingResistant() || (!rules.administrators() && rules.groupIds().isEmpty())) {
			return 0;
		}
		return settings.countAdministratorsOrMembers(rules.administrators(),
				rules.groupIds().isEmpty() ? NO_GROUP : List.copyOf(rules.groupIds()));
	}

	private SignInRules configured() {
		return new SignInRules(defaults.signIn().strongestFirst(), false, false, Set.of());
	}

	@Transactional
	public void save(long adminId, SignInRules rules) {
		SignInPolicySetting setting = settings.findById(SignInPolicySetting.ID)
			.orElseGet(() -> new SignInPolicySetting(clock.instant()));
		setting.apply(rules, clock.instant());
		settings.save(setting);
		events.publishEvent(new SignInPolicyChanged(adminId, rules));
	}

	/** The rules with "Ask for the strongest method first" switched. */
	@Transactional
	public void saveStrongestFirst(long adminId, boolean on) {
		save(adminId, current().withStrongestFirst(on));
	}

	/** The rules with "Require phishing-resistant sign-in" as given. */
	@Transactional
	public void savePhishingResistance(long adminId, boolean on, boolean administrators, Set<Long> groupIds) {
		save(adminId, current().withPhishingResistance(on, administrators, on ? groupIds : Set.of()));
	}

}
