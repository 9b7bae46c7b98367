package io.securityinfo.policy;

import java.util.Set;

/**
 * "Nudge people to add a stronger method" (Admin → Registration) as it is in force.
 *
 * @param enabled whether the campaign runs at all
 * @param allUsers whether it targets everyone, else only the members of {@code groupIds}
 * @param groupIds the groups it targets when not everyone
 * @param promotedType the id of the method type it promotes ({@code PASSKEY}, {@code AUTHENTICATOR_APP})
 * @param postponeDays how many days "Not now" puts it off: 0 to 14 (0: until the next sign-in)
 * @param maxPostponements how many times a person may say "Not now" before adding the method is required
 */
public record CampaignRules(boolean enabled, boolean allUsers, Set<Long> groupIds, String promotedType,
		int postponeDays, int maxPostponements) {

	public static final int MAX_POSTPONE_DAYS = 14;

	public CampaignRules {
		groupIds = allUsers ? Set.of() : Set.copyOf(groupIds);
	}

	/** Off until an administrator saves a campaign. */
	public static CampaignRules off(String promotedType) {
		return new CampaignRules(false, true, Set.of(), promotedType, 1, 3);
	}

}
