package io.securityinfo.policy;

/**
 * Published when an administrator added a security question of their own, offered at once, in the transaction that
 * saved it.
 *
 * @param adminId who added it
 * @param questionId the new question
 * @param text its text, as people read it
 */
public record QuestionAdded(long adminId, long questionId, String text) {
}
