package io.securityinfo.policy;

/** "Two-step verification": whether a second factor is required at sign-in, and of whom. */
class TwoStepPolicyForm extends PolicyTargetForm {

	private boolean required;

	static TwoStepPolicyForm of(TwoStepRules rules) {
		TwoStepPolicyForm form = new TwoStepPolicyForm();
		form.required = rules.required();
		form.target(rules.allUsers(), rules.groupIds());
		return form;
	}

	TwoStepRules toRules() {
		return new TwoStepRules(required, forAllUsers(), chosenGroupIds());
	}

	public boolean isRequired() {
		return required;
	}

	public void setRequired(boolean required) {
		this.required = required;
	}

}
