package io.securityinfo.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.constraints.NotNull;

/** "Two-step verification": whether a second factor is required at sign-in, and of whom. */
class TwoStepPolicyForm {

	static final String ALL_USERS = "ALL";

	static final String SELECTED_GROUPS = "GROUPS";

	private boolean required;

	@NotNull
	private String target = ALL_USERS;

	private List<Long> groupIds = new ArrayList<>();

	static TwoStepPolicyForm of(TwoStepRules rules) {
		TwoStepPolicyForm form = new TwoStepPolicyForm();
		form.required = rules.required();
		form.target = rules.allUsers() ? ALL_USERS : SELECTED_GROUPS;
		form.groupIds = new ArrayList<>(rules.groupIds());
		return form;
	}

	boolean forAllUsers() {
		return !SELECTED_GROUPS.equals(target);
	}

	TwoStepRules toRules() {
		return new TwoStepRules(required, forAllUsers(), chosenGroupIds());
	}

	/** The groups ticked; a gap in the list's indexes ({@code groupIds[3]} alone) leaves empty entries, not groups. */
	Set<Long> chosenGroupIds() {
		return groupIds.stream().filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
	}

	public boolean isRequired() {
		return required;
	}

	public void setRequired(boolean required) {
		this.required = required;
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
