package io.securityinfo.policy;

import java.util.Set;

/**
 * How people sign in, beyond whether a second step is required: which method is asked for first, and who must
 * sign in phishing-resistantly.
 *
 * @param strongestFirst whether two-step sign-in and step-up ask for the person's strongest method first; else their
 * default method
 * @param phishingResistant whether "Require phishing-resistant sign-in" is on
 * @param administrators whether it applies to every administrator
 * @param groupIds the groups whose members it applies to
 */
public record SignInRules(boolean strongestFirst, boolean phishingResistant, boolean administrators,
		Set<Long> groupIds) {

	public SignInRules {
		groupIds = Set.copyOf(groupIds);
	}

	public SignInRules withStrongestFirst(boolean on) {
		return new SignInRules(on, phishingResistant, administrators, groupIds);
	}

	public SignInRules withPhishingResistance(boolean on, boolean forAdministrators, Set<Long> groups) {
		return new SignInRules(strongestFirst, on, forAdministrators, groups);
	}

}
