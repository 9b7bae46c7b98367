package io.securityinfo.passwordreset;

import java.util.LinkedHashMap;
import java.util.Map;

import io.securityinfo.securityinfo.QuestionsForm;

/** "Answer your security questions": one row per question the policy asks, each a question picked and its answer. */
class AnswersForm extends QuestionsForm {

	static AnswersForm ofRows(int count) {
		AnswersForm form = new AnswersForm();
		form.resize(count);
		return form;
	}

	/** Makes the form {@code count} rows long, keeping the questions picked and never the answers typed. */
	@Override
	public void resize(int count) {
		super.resize(count);
		getAnswers().forEach(row -> row.setAnswer(null));
	}

	/** The answers by question; a question picked twice counts once, so such answers are never right. */
	Map<Long, String> byQuestion() {
		Map<Long, String> byQuestion = new LinkedHashMap<>();
		getAnswers().stream()
			.filter(row -> row.getQuestionId() != null)
			.forEach(row -> byQuestion.putIfAbsent(row.getQuestionId(), row.getAnswer()));
		return byQuestion;
	}

}
