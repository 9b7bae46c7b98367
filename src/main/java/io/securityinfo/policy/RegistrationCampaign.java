package io.securityinfo.policy;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Nudge people to add a stronger method" (Admin → Registration): whom it targets, the method it promotes, and how
 * long and how often a person may put it off. Read from the database on every use (one statement); the people's
 * own postponements are Security info's.
 */
@Service
public class RegistrationCampaign extends StoredPolicy<CampaignRules, CampaignSetting> {

	private final CampaignSettingRepository settings;

	private final PeopleCounts people;

	RegistrationCampaign(CampaignSettingRepository settings, ApplicationEventPublisher events, Clock clock,
			PeopleCounts people) {
		super(settings, CampaignSetting::new, events, clock);
		this.people = people;
		this.settings = settings;
	}

	/** The campaign in force; when none was saved, off, promoting this type. */
	@Transactional(readOnly = true)
	public CampaignRules current(String defaultPromotedType) {
		CampaignRules rules = current();
		return rules.promotedType() == null ? CampaignRules.off(defaultPromotedType) : rules;
	}

	/** Whether the campaign runs and targets this person. */
	@Transactional(readOnly = true)
	public boolean targets(long accountId) {
		Integer saved = settings.targets(accountId);
		return saved != null && saved == 1;
	}

	/** How many enabled people these rules target (whatever their methods): one count. */
	@Transactional(readOnly = true)
	public long peopleTargeted(CampaignRules rules) {
		if (!rules.enabled()) {
			return 0;
		}
		return rules.allUsers() ? people.everyone() : people.members(rules.groupIds());
	}

	/** Off until an administrator saves a campaign; the method it promotes is the caller's to choose. */
	@Override
	CampaignRules configured() {
		return CampaignRules.off(null);
	}

	@Override
	CampaignChanged changed(long adminId, CampaignRules rules) {
		return new CampaignChanged(adminId, rules);
	}

}
