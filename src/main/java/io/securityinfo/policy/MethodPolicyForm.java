package io.securityinfo.policy;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** "Authentication methods": one row per method. */
class MethodPolicyForm {

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
			row.target(setting.allUsers(), setting.groupIds());
			form.methods.add(row);
		}
		return form;
	}

	/** One method: "Enabled", and "All users" or selected groups. */
	public static class Row extends PolicyTargetForm {

		@NotNull
		private AuthenticationMethod method;

		private boolean enabled;

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

		MethodPolicy.Setting toSetting() {
			return new MethodPolicy.Setting(method, enabled, forAllUsers(), chosenGroupIds());
		}

	}

}
