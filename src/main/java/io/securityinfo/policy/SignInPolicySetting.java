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

/** The saved sign-in policy: which method is asked for first, who must sign in phishing-resistantly. */
@Entity
@Table(name = "sign_in_policy")
class SignInPolicySetting extends PolicySetting<SignInRules> {

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

	@Override
	void write(SignInRules rules) {
		this.strongestFirst = rules.strongestFirst();
		this.phishingResistant = rules.phishingResistant();
		this.administrators = rules.administrators();
		this.groupIds.clear();
		this.groupIds.addAll(rules.groupIds());
	}

	@Override
	SignInRules rules() {
		return new SignInRules(strongestFirst, phishingResistant, administrators, groupIds);
	}

}
