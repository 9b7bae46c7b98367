package io.securityinfo.securityinfo;

import java.util.Map;

/**
 * Whether typed answers are a person's answers to their security questions. The security questions flow keeps the
 * answers and answers this; password reset asks it through {@link ResetMethods}.
 */
public interface AnswerCheck {

	/**
	 * Whether these answers, by question id, are the person's: as many as {@code required}, each to a different
	 * question they answered, each the same answer once normalised. Takes as long whether or not the person has such
	 * questions.
	 * @param accountId the person, or null when the email named no one
	 */
	boolean answersMatch(Long accountId, Map<Long, String> typed, int required);

}
