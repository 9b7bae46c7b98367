package io.securityinfo.policy;

import java.time.Clock;
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
public class SignInPolicy extends StoredPolicy<SignInRules, SignInPolicySetting> {

	private final SignInPolicySettingRepository settings;

	private final PolicyDefaults defaults;

	private final PeopleCounts people;

	SignInPolicy(SignInPolicySettingRepository settings, ApplicationEventPublisher events, Clock clock,
			PolicyDefaults defaults, PeopleCounts people) {
		super(settings, SignInPolicySetting::new, events, clock);
		this.people = people;
		this.defaults = defaults;
		this.settings = settings;
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
		return rules.phishingResistant() ? people.administratorsOrMembers(rules.administrators(), rules.groupIds())
				: 0;
	}

	@Override
	SignInRules configured() {
		return new SignInRules(defaults.signIn().strongestFirst(), false, false, Set.of());
	}

	@Override
	SignInPolicyChanged changed(long adminId, SignInRules rules) {
		return new SignInPolicyChanged(adminId, rules);
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
