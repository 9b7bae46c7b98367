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

/** The saved two-step policy; the only row has id 1. */
@Entity
@Table(name = "two_step_policy")
class TwoStepPolicySetting {

	static final int ID = 1;

	@Id
	private Integer id;

	@Column(nullable = false)
	private boolean required;

	@Column(name = "all_users", nullable = false)
	private boolean allUsers;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "two_step_policy_group", joinColumns = @JoinColumn(name = "policy_id"))
	@Column(name = "group_id")
	private Set<Long> groupIds = new HashSet<>();

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Column(nullable = false)
	private long version;

	protected TwoStepPolicySetting() {
	}

	TwoStepPolicySetting(Instant updatedAt) {
		this.id = ID;
		this.updatedAt = updatedAt;
	}

	void apply(TwoStepRules rules, Instant updatedAt) {
		this.required = rules.required();
		this.allUsers = rules.allUsers();
		this.groupIds.clear();
		this.groupIds.addAll(rules.groupIds());
		this.updatedAt = updatedAt;
		this.version++;
	}

	/** Raised by every save. */
	long getVersion() {
		return version;
	}

	TwoStepRules rules() {
		return new TwoStepRules(required, allUsers, groupIds);
	}

}
