package io.securityinfo.securityinfo.campaign;

import jakarta.validation.Valid;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.securityinfo.account.CurrentUser;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.groups.Groups;
import io.securityinfo.policy.CampaignRules;
import io.securityinfo.policy.RegistrationCampaign;

/**
 * Admin → Registration → "Nudge people to add a stronger method": whom, which method, how long "Not now" lasts and
 * how often it may be said.
 */
@Controller
@RequestMapping(CampaignSettingsController.PAGE)
class CampaignSettingsController {

	static final String PAGE = "/admin/registration/campaign";

	private final StrongerMethodCampaign campaign;

	private final RegistrationCampaign registrationCampaign;

	private final Groups groups;

	CampaignSettingsController(StrongerMethodCampaign campaign, RegistrationCampaign registrationCampaign,
			Groups groups) {
		this.campaign = campaign;
		this.registrationCampaign = registrationCampaign;
		this.groups = groups;
	}

	@GetMapping
	String initForm(Model model) {
		model.addAttribute("campaignForm", CampaignForm.of(campaign.rules()));
		return view(model);
	}

	@PostMapping
	String processForm(@CurrentUser SignedInUser admin, @Valid @ModelAttribute("campaignForm") CampaignForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (!result.hasFieldErrors("promotedType")
				&& campaign.promotableTypes().stream().noneMatch(type -> type.id().equals(form.getPromotedType()))) {
			result.rejectValue("promotedType", "campaign.promoted.required");
		}
		if (form.isEnabled() && !form.forAllUsers() && form.chosenGroupIds().isEmpty()) {
			result.rejectValue("groupIds", "campaign.groups.required");
		}
		else if (!groups.unknown(form.chosenGroupIds()).isEmpty()) {
			result.rejectValue("groupIds", "policy.groups.unknown");
		}
		if (result.hasErrors()) {
			return view(model);
		}
		try {
			registrationCampaign.save(admin.id(), form.toRules());
		}
		catch (DataIntegrityViolationException ex) {
			// A group chosen was deleted in the meantime.
			result.rejectValue("groupIds", "policy.groups.unknown");
			return view(model);
		}
		redirect.addFlashAttribute("notice", "campaign.saved");
		return "redirect:" + PAGE;
	}

	private String view(Model model) {
		CampaignRules saved = campaign.rules();
		model.addAttribute("promotableTypes", campaign.promotableTypes());
		model.addAttribute("peopleTargeted", registrationCampaign.peopleTargeted(saved));
		model.addAttribute("groups", groups.list());
		return "policy/campaign";
	}

}
