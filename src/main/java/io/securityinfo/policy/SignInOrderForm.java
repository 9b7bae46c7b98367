package io.securityinfo.policy;

/** "Ask for the strongest method first" on Admin → Two-step verification. */
class SignInOrderForm {

	private boolean strongestFirst;

	static SignInOrderForm of(SignInRules rules) {
		SignInOrderForm form = new SignInOrderForm();
		form.strongestFirst = rules.strongestFirst();
		return form;
	}

	public boolean isStrongestFirst() {
		return strongestFirst;
	}

	public void setStrongestFirst(boolean strongestFirst) {
		this.strongestFirst = strongestFirst;
	}

}
