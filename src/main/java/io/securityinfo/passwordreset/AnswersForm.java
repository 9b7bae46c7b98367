package io.securityinfo.passwordreset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** "Answer your security questions": one row per question the policy asks, each a question picked and its answer. */
class AnswersForm {

	private List<Row> answers = new ArrayList<>();

	static AnswersForm ofRows(int count) {
		AnswersForm form = new AnswersForm();
		form.resize(count);
		return form;
	}

	/** Makes the form {@code count} rows long, keeping the questions picked and never the answers typed. */
	void resize(int count) {
		while (answers.size() > count) {
			answers.remove(answers.size() - 1);
		}
		while (answers.size() < count) {
			answers.add(new Row());
		}
		answers.forEach(row -> row.setAnswer(null));
	}

	/** The answers by question; a question picked twice counts once, so such answers are never right. */
	Map<Long, String> byQuestion() {
		Map<Long, String> byQuestion = new LinkedHashMap<>();
		answers.stream()
			.filter(row -> row.getQuestionId() != null)
			.forEach(row -> byQuestion.putIfAbsent(row.getQuestionId(), row.getAnswer()));
		return byQuestion;
	}

	public List<Row> getAnswers() {
		return answers;
	}

	public void setAnswers(List<Row> answers) {
		this.answers = answers == null ? new ArrayList<>() : answers;
	}

	public static class Row {

		private Long questionId;

		private String answer;

		public Long getQuestionId() {
			return questionId;
		}

		public void setQuestionId(Long questionId) {
			this.questionId = questionId;
		}

		public String getAnswer() {
			return answer;
		}

		public void setAnswer(String answer) {
			this.answer = answer;
		}

	}

}
