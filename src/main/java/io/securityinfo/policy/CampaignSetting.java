package io.securityinfo.policy;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

/** The saved registration campaign; the only row has id 1. */
@Entity
@Table(name = "registration_campaign")
class CampaignSetting {

	static final int ID = 1;

	@Id
	private Integer id;

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

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected CampaignSetting() {
	}

	CampaignSetting(Instant updatedAt) {
		this.id = ID;
		this.updatedAt = updatedAt;
	}

	void apply(CampaignRules rules, Instant updatedAt) {
		this.enabled = rules.enabled();
		this.allUsers = rules.allUsers();
		this.groupIds.clear();
		this.groupIds.addAll(rules.groupIds());
		this.promotedType = rules.promotedType();
		this.postponeDays = rules.postponeDays();
		this.maxPostponements = rules.maxPostponements();
		this.updatedAt = updatedAt;
	}

	CampaignRules rules() {
		return new CampaignRules(enabled, allUsers, groupIds, promotedType, postponeDays, maxPostponements);
	}

}
