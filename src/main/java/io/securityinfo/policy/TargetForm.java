package io.securityinfo.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.constraints.NotNull;

/** "Target": "All users" or "Selected groups" and the groups chosen, as a rule of the policy applies to people. */
class TargetForm {

	static final String ALL_USERS = "ALL";

	static final String SELECTED_GROUPS = "GROUPS";

	@NotNull
	private String target = ALL_USERS;

	private List<Long> groupIds = new ArrayList<>();

	void target(boolean allUsers, Set<Long> groupIds) {
		this.target = allUsers ? ALL_USERS : SELECTED_GROUPS;
		this.groupIds = new ArrayList<>(groupIds);
	}

	boolean isAllUsers() {
		return !SELECTED_GROUPS.equals(target);
	}

	/** The groups ticked; a gap in the list's indexes ({@code groupIds[3]} alone) leaves empty entries, not groups. */
	Set<Long> chosenGroupIds() {
		return groupIds.stream().filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
	}

	public String getTarget() {
		return target;
	}

	public void setTarget(String target) {
		this.target = target;
	}

	public List<Long> getGroupIds() {
		return groupIds;
	}

	public void setGroupIds(List<Long> groupIds) {
		this.groupIds = groupIds == null ? new ArrayList<>() : groupIds;
	}

}
