package io.securityinfo.securityinfo.campaign;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import io.securityinfo.policy.CampaignRules;
import io.securityinfo.securityinfo.MethodType;

/** Admin → Registration → the campaign's progress: people by strongest method, now and week by week. */
@Controller
@RequestMapping(CampaignSettingsController.PAGE + "/progress")
class CampaignProgressController {

	private final CampaignProgress progress;

	private final StrongerMethodCampaign campaign;

	CampaignProgressController(CampaignProgress progress, StrongerMethodCampaign campaign) {
		this.progress = progress;
		this.campaign = campaign;
	}

	@GetMapping
	String show(Model model) {
		Map<String, Long> now = progress.recordThisWeek();
		Map<LocalDate, Map<String, Long>> weeks = progress.weeks();
		List<ProgressChart.Category> categories = new ArrayList<>();
		List<MethodType> ranked = progress.signInTypes();
		for (int i = 0; i < ranked.size(); i++) {
			categories.add(new ProgressChart.Category(ranked.get(i).id(), ranked.get(i).nameKey(), "chart-series-" + i));
		}
		categories.add(new ProgressChart.Category(CampaignProgress.NONE, "campaign.progress.none", "chart-none"));
		model.addAttribute("chart", ProgressChart.of(categories, now, weeks, progress.thisWeek()));
		CampaignRules rules = campaign.rules();
		model.addAttribute("rules", rules);
		model.addAttribute("promotedNameKey", ranked.stream()
			.filter(type -> type.id().equals(rules.promotedType()))
			.map(MethodType::nameKey)
			.findFirst()
			.orElse("campaign.progress.none"));
		return "policy/campaign-progress";
	}

}
