package io.securityinfo.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.constraints.NotNull;

import org.springframework.validation.Errors;

import io.securityinfo.groups.Groups;

/**
 * Whom a policy on an admin form applies to: "All users" or "Selected groups", and the groups ticked. The methods'
 * rows and the two-step form share it.
 */
class PolicyTargetForm {

	static final String ALL_USERS = "ALL";

	static final String SELECTED_GROUPS = "GROUPS";

	@NotNull
	private String target = ALL_USERS;

	private List<Long> groupIds = new ArrayList<>();

	/** Shows this target: all users, or these groups. */
	void target(boolean allUsers, Set<Long> groupIds) {
		this.target = allUsers ? ALL_USERS : SELECTED_GROUPS;
		this.groupIds = new ArrayList<>(groupIds);
	}

	boolean forAllUsers() {
		return !SELECTED_GROUPS.equals(target);
	}

	/** The groups ticked; a gap in the list's indexes ({@code groupIds[3]} alone) leaves empty entries, not groups. */
	Set<Long> chosenGroupIds() {
		return groupIds.stream().filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * Rejects the groups when the policy is on for selected groups but none is ticked, or when one ticked is no
	 * group (any more).
	 * @param errors the errors of this form, or of the form it is a part of with its path pushed
	 */
	void rejectGroups(boolean on, Groups groups, Errors errors, String noneTickedKey) {
		if (on && !forAllUsers() && chosenGroupIds().isEmpty()) {
			errors.rejectValue("groupIds", noneTickedKey);
		}
		else if (!groups.unknown(chosenGroupIds()).isEmpty()) {
			errors.rejectValue("groupIds", "policy.groups.unknown");
		}
	}

	/** Rejects the groups ticked when saving found one of them deleted in the meantime. */
	void rejectDeletedGroups(Errors errors) {
		if (!chosenGroupIds().isEmpty()) {
			errors.rejectValue("groupIds", "policy.groups.unknown");
		}
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
