package io.securityinfo.policy;

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

/** The policy of one authentication method. A method without a row is on for all users. */
@Entity
@Table(name = "method_policy")
class MethodPolicySetting {

	/** The method's name ({@link AuthenticationMethod#name()}). */
	@Id
	private String method;

	@Column(nullable = false)
	private boolean enabled;

	@Column(name = "all_users", nullable = false)
	private boolean allUsers;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "method_policy_group", joinColumns = @JoinColumn(name = "method"))
	@Column(name = "group_id")
	private Set<Long> groupIds = new HashSet<>();

	protected MethodPolicySetting() {
	}

	MethodPolicySetting(AuthenticationMethod method) {
		this.method = method.name();
		this.enabled = true;
		this.allUsers = true;
	}

	AuthenticationMethod getMethod() {
		return new AuthenticationMethod(method);
	}

	boolean isEnabled() {
		return enabled;
	}

	boolean isAllUsers() {
		return allUsers;
	}

	Set<Long> getGroupIds() {
		return Set.copyOf(groupIds);
	}

	void update(boolean enabled, boolean allUsers, Set<Long> groupIds) {
		this.enabled = enabled;
		this.allUsers = allUsers;
		this.groupIds.clear();
		if (!allUsers) {
			this.groupIds.addAll(groupIds);
		}
	}

}
