package io.securityinfo.policy;

import java.util.List;

/**
 * The security questions policy in force.
 *
 * @param questionsRequired how many different questions a person answers
 * @param offered the questions a person may pick from, in the order the admin page lists them
 */
public record QuestionRules(int questionsRequired, List<QuestionPolicy.Question> offered) {

	public boolean offers(long questionId) {
		return offered.stream().anyMatch(question -> question.id() == questionId);
	}

}
