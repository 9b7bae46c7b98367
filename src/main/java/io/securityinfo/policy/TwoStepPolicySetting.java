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

/** The saved two-step policy. */
@Entity
@Table(name = "two_step_policy")
class TwoStepPolicySetting extends PolicySetting<TwoStepRules> {

	@Column(nullable = false)
	private boolean required;

	@Column(name = "all_users", nullable = false)
	private boolean allUsers;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "two_step_policy_group", joinColumns = @JoinColumn(name = "policy_id"))
	@Column(name = "group_id")
	private Set<Long> groupIds = new HashSet<>();

	@Column(nullable = false)
	private long version;

	/** Raises the version: every save does. */
	@Override
	void write(TwoStepRules rules) {
		this.required = rules.required();
		this.allUsers = rules.allUsers();
		this.groupIds.clear();
		this.groupIds.addAll(rules.groupIds());
		this.version++;
	}

	/** Raised by every save. */
	long getVersion() {
		return version;
	}

	@Override
	TwoStepRules rules() {
		return new TwoStepRules(required, allUsers, groupIds);
	}

}
