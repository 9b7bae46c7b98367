package io.securityinfo.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** "Authentication methods": one row per method. */
class MethodPolicyForm {

	static final String ALL_USERS = "ALL";

	static final String SELECTED_GROUPS = "GROUPS";

	@Valid
	private List<Row> methods = new ArrayList<>();

	public List<Row> getMethods() {
		return methods;
	}

	public void setMethods(List<Row> methods) {
		this.methods = methods;
	}

	static MethodPolicyForm of(List<MethodPolicy.Setting> settings) {
		MethodPolicyForm form = new MethodPolicyForm();
		for (MethodPolicy.Setting setting : settings) {
			Row row = new Row();
			row.setMethod(setting.method());
			row.setEnabled(setting.enabled());
			row.setTarget(setting.allUsers() ? ALL_USERS : SELECTED_GROUPS);
			row.setGroupIds(new ArrayList<>(setting.groupIds()));
			form.methods.add(row);
		}
		return form;
	}

	/** One method: "Enabled", and "All users" or selected groups. */
	public static class Row {

		@NotNull
		private AuthenticationMethod method;

		private boolean enabled;

		@NotNull
		private String target = ALL_USERS;

		private List<Long> groupIds = new ArrayList<>();

		public AuthenticationMethod getMethod() {
			return method;
		}

		public void setMethod(AuthenticationMethod method) {
			this.method = method;
		}

		public boolean isEnabled() {
			return enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
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

		/** The groups ticked; a gap in the list's indexes leaves empty entries, not groups. */
		Set<Long> chosenGroupIds() {
			return groupIds.stream().filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
		}

		boolean isAllUsers() {
			return !SELECTED_GROUPS.equals(target);
		}

	}

}
