package io.securityinfo.securityinfo;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a security questions form, each a question picked and its answer: the shape both "Security
 * questions" (to register them) and password reset (to answer them again) bind.
 */
public class QuestionsForm {

	private List<Row> answers = new ArrayList<>();

	/** Makes the form {@code count} rows long, keeping the rows that fit. */
	public void resize(int count) {
		while (answers.size() > count) {
			answers.remove(answers.size() - 1);
		}
		while (answers.size() < count) {
			answers.add(new Row());
		}
	}

	public List<Row> getAnswers() {
		return answers;
	}

	public void setAnswers(List<Row> answers) {
		this.answers = answers == null ? new ArrayList<>() : answers;
	}

	/** "Security question" and "Answer". */
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
