package io.securityinfo.policy;

import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

/** The saved registration campaign. */
@Entity
@Table(name = "registration_campaign")
class CampaignSetting extends PolicySetting<CampaignRules> {

	@Column(nullable = false)
	private boolean enabled;

	@Column(name = "all_users", nullable = false)
	private boolean allUsers;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "registration_campaign_group", joinColumns = @JoinColumn(name = "campaign_id"))
	@Column(name = "group_id")
	private Set<Long> groupIds = new HashSet<>();

	@Column(name = "promoted_type", nullable = false, length = 40)
	private String promotedType;

	@Column(name = "postpone_days", nullable = false)
	private int postponeDays;

	@Column(name = "max_postponements", nullable = false)
	private int maxPostponements;

	@Override
	void write(CampaignRules rules) {
		this.enabled = rules.enabled();
		this.allUsers = rules.allUsers();
		this.groupIds.clear();
		this.groupIds.addAll(rules.groupIds());
		this.promotedType = rules.promotedType();
		this.postponeDays = rules.postponeDays();
		this.maxPostponements = rules.maxPostponements();
	}

	@Override
	CampaignRules rules() {
		return new CampaignRules(enabled, allUsers, groupIds, promotedType, postponeDays, maxPostponements);
	}

}
