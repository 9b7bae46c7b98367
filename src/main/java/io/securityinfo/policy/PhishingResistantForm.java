package io.securityinfo.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** "Require phishing-resistant sign-in": on or off, for the administrators and for groups. */
class PhishingResistantForm {

	private boolean required;

	private boolean administrators;

	private List<Long> groupIds = new ArrayList<>();

	static PhishingResistantForm of(SignInRules rules) {
		PhishingResistantForm form = new PhishingResistantForm();
		form.required = rules.phishingResistant();
		// The administrators come first: ticked on a page that never saved the setting.
		form.administrators = rules.administrators() || !rules.phishingResistant();
		form.groupIds = new ArrayList<>(rules.groupIds());
		return form;
	}

	/** The groups ticked; a gap in the list's indexes leaves empty entries, not groups. */
	Set<Long> chosenGroupIds() {
		return groupIds.stream().filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
	}

	public boolean isRequired() {
		return required;
	}

	public void setRequired(boolean required) {
		this.required = required;
	}

	public boolean isAdministrators() {
		return administrators;
	}

	public void setAdministrators(boolean administrators) {
		this.administrators = administrators;
	}

	public List<Long> getGroupIds() {
		return groupIds;
	}

	public void setGroupIds(List<Long> groupIds) {
		this.groupIds = groupIds == null ? new ArrayList<>() : groupIds;
	}

}
