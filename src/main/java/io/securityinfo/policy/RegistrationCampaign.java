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
public class RegistrationCampaign {

	private final CampaignSettingRepository settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final PeopleCounts people;

	RegistrationCampaign(CampaignSettingRepository settings, ApplicationEventPublisher events, Clock clock,
			PeopleCounts people) {
		this.people = people;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	/** The campaign in force; off, promoting this type, until an administrator saves one. */
	@Transactional(readOnly = true)
	public CampaignRules current(String defaultPromotedType) {
		return settings.findById(CampaignSetting.ID)
			.map(CampaignSetting::rules)
			.orElseGet(() -> CampaignRules.off(defaultPromotedType));
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

	@Transactional
	public void save(long adminId, CampaignRules rules) {
		CampaignSetting setting = settings.findById(CampaignSetting.ID)
			.orElseGet(() -> new CampaignSetting(clock.instant()));
		setting.apply(rules, clock.instant());
		settings.save(setting);
		events.publishEvent(new CampaignChanged(adminId, rules));
	}

}
