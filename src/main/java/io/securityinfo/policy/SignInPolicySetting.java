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

/** The saved sign-in policy; the only row has id 1. */
@Entity
@Table(name = "sign_in_policy")
class SignInPolicySetting {

	static final int ID = 1;

	@Id
	private Integer id;

	@Column(name = "strongest_first", nullable = false)
	private boolean strongestFirst;

	@Column(name = "phishing_resistant", nullable = false)
	private boolean phishingResistant;

	@Column(name = "phishing_resistant_admins", nullable = false)
	private boolean administrators;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "phishing_resistant_group", joinColumns = @JoinColumn(name = "policy_id"))
	@Column(name = "group_id")
	private Set<Long> groupIds = new HashSet<>();

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected SignInPolicySetting() {
	}

	SignInPolicySetting(Instant updatedAt) {
		this.id = ID;
		this.updatedAt = updatedAt;
	}

	void apply(SignInRules rules, Instant updatedAt) {
		this.strongestFirst = rules.strongestFirst();
		this.phishingResistant = rules.phishingResistant();
		this.administrators = rules.administrators();
		this.groupIds.clear();
		this.groupIds.addAll(rules.groupIds());
		this.updatedAt = updatedAt;
	}

	SignInRules rules() {
		return new SignInRules(strongestFirst, phishingResistant, administrators, groupIds);
	}

}
