package io.securityinfo.securityinfo.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import io.securityinfo.policy.CampaignRules;

/** "Nudge people to add a stronger method" on Admin → Registration. */
class CampaignForm {

	static final String ALL_USERS = "ALL";

	static final String SELECTED_GROUPS = "GROUPS";

	private boolean enabled;

	private String target = ALL_USERS;

	private List<Long> groupIds = new ArrayList<>();

	@NotBlank(message = "{campaign.promoted.required}")
	private String promotedType;

	@NotNull(message = "{campaign.postpone-days.range}")
	@Min(value = 0, message = "{campaign.postpone-days.range}")
	@Max(value = CampaignRules.MAX_POSTPONE_DAYS, message = "{campaign.postpone-days.range}")
	private Integer postponeDays;

	@NotNull(message = "{campaign.max-postponements.range}")
	@Min(value = 0, message = "{campaign.max-postponements.range}")
	@Max(value = 99, message = "{campaign.max-postponements.range}")
	private Integer maxPostponements;

	static CampaignForm of(CampaignRules rules) {
		CampaignForm form = new CampaignForm();
		form.enabled = rules.enabled();
		form.target = rules.allUsers() ? ALL_USERS : SELECTED_GROUPS;
		form.groupIds = new ArrayList<>(rules.groupIds());
		form.promotedType = rules.promotedType();
		form.postponeDays = rules.postponeDays();
		form.maxPostponements = rules.maxPostponements();
		return form;
	}

	boolean forAllUsers() {
		return !SELECTED_GROUPS.equals(target);
	}

	/** The groups ticked; a gap in the list's indexes leaves empty entries, not groups. */
	Set<Long> chosenGroupIds() {
		return groupIds.stream().filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
	}

	CampaignRules toRules() {
		return new CampaignRules(enabled, forAllUsers(), chosenGroupIds(), promotedType, postponeDays,
				maxPostponements);
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

	public String getPromotedType() {
		return promotedType;
	}

	public void setPromotedType(String promotedType) {
		this.promotedType = promotedType;
	}

	public Integer getPostponeDays() {
		return postponeDays;
	}

	public void setPostponeDays(Integer postponeDays) {
		this.postponeDays = postponeDays;
	}

	public Integer getMaxPostponements() {
		return maxPostponements;
	}

	public void setMaxPostponements(Integer maxPostponements) {
		this.maxPostponements = maxPostponements;
	}

}
