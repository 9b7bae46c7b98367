package io.securityinfo.policy;

import java.util.Set;

/**
 * "Require two-step verification at sign-in" as it is in force.
 *
 * @param required whether the requirement is on at all
 * @param allUsers whether it applies to everyone, else only to the members of {@code groupIds}
 */
public record TwoStepRules(boolean required, boolean allUsers, Set<Long> groupIds) {

	public TwoStepRules {
		groupIds = allUsers ? Set.of() : Set.copyOf(groupIds);
	}

}
