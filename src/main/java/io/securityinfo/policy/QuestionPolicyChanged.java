package io.securityinfo.policy;

/**
 * Published when an administrator changed which security questions are offered or how many a person answers, in
 * the transaction that saved it.
 *
 * @param adminId who changed it
 * @param questionsRequired how many questions a person answers
 * @param questionsOffered how many questions are offered
 * @param questionsKnown how many questions there are, offered or not
 */
public record QuestionPolicyChanged(long adminId, int questionsRequired, long questionsOffered,
		int questionsKnown) {
}
