package io.securityinfo.securityinfo.questions;

import java.util.ArrayList;
import java.util.List;

/** "Security questions": one row per question to answer, each a question picked and its answer. */
class SecurityQuestionsForm {

	private List<Row> answers = new ArrayList<>();

	/** A fresh form of {@code count} rows, the first ones with these questions picked and every answer empty. */
	static SecurityQuestionsForm forQuestions(int count, List<Long> questionIds) {
		SecurityQuestionsForm form = new SecurityQuestionsForm();
		for (Long questionId : questionIds) {
			Row row = new Row();
			row.setQuestionId(questionId);
			form.answers.add(row);
		}
		form.resize(count);
		return form;
	}

	/** Makes the form {@code count} rows long, keeping the rows that fit. */
	void resize(int count) {
		while (answers.size() > count) {
			answers.remove(answers.size() - 1);
		}
		while (answers.size() < count) {
			answers.add(new Row());
		}
	}

	List<SecurityAnswers.Answer> toAnswers() {
		return answers.stream().map(row -> new SecurityAnswers.Answer(row.getQuestionId(), row.getAnswer())).toList();
	}

	public List<Row> getAnswers() {
		return answers;
	}

	public void setAnswers(List<Row> answers) {
		this.answers = answers == null ? new ArrayList<>() : answers;
	}

	/**
	 * "Security question" and "Answer". Their rules are {@link SecurityAnswers#problems}, in one place, so that the
	 * page shows every message at once.
	 */
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
