package io.securityinfo.securityinfo.questions;

import java.util.List;

import io.securityinfo.securityinfo.QuestionsForm;

/**
 * "Security questions": one row per question to answer. The rows' rules are {@link SecurityAnswers#problems}, in
 * one place, so that the page shows every message at once.
 */
class SecurityQuestionsForm extends QuestionsForm {

	/** A fresh form of {@code count} rows, the first ones with these questions picked and every answer empty. */
	static SecurityQuestionsForm forQuestions(int count, List<Long> questionIds) {
		SecurityQuestionsForm form = new SecurityQuestionsForm();
		for (Long questionId : questionIds) {
			Row row = new Row();
			row.setQuestionId(questionId);
			form.getAnswers().add(row);
		}
		form.resize(count);
		return form;
	}

	List<SecurityAnswers.Answer> toAnswers() {
		return getAnswers().stream()
			.map(row -> new SecurityAnswers.Answer(row.getQuestionId(), row.getAnswer()))
			.toList();
	}

}
