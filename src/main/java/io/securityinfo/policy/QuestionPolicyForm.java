package io.securityinfo.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** "Security questions": which questions are offered and how many people answer. */
class QuestionPolicyForm {

	@NotNull(message = "{questions.admin.required.range}")
	@Min(value = QuestionPolicy.MIN_REQUIRED, message = "{questions.admin.required.range}")
	@Max(value = QuestionPolicy.MAX_REQUIRED, message = "{questions.admin.required.range}")
	private Integer questionsRequired;

	/** The questions whose box is ticked; a question left out is switched off. */
	private List<Long> enabledIds = new ArrayList<>();

	static QuestionPolicyForm of(QuestionRules rules) {
		QuestionPolicyForm form = new QuestionPolicyForm();
		form.questionsRequired = rules.questionsRequired();
		form.enabledIds = new ArrayList<>(rules.offered().stream().map(QuestionPolicy.Question::id).toList());
		return form;
	}

	/** The questions ticked; an empty or skipped entry ({@code enabledIds[3]} alone) is no question. */
	Set<Long> chosenIds() {
		return enabledIds.stream().filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
	}

	public Integer getQuestionsRequired() {
		return questionsRequired;
	}

	public void setQuestionsRequired(Integer questionsRequired) {
		this.questionsRequired = questionsRequired;
	}

	public List<Long> getEnabledIds() {
		return enabledIds;
	}

	public void setEnabledIds(List<Long> enabledIds) {
		this.enabledIds = enabledIds == null ? new ArrayList<>() : enabledIds;
	}

}
