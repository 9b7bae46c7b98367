package io.securityinfo.securityinfo.questions;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.function.SingletonSupplier;

import io.securityinfo.securityinfo.AnswerCheck;
import io.securityinfo.securityinfo.MethodNotAllowedException;
import io.securityinfo.securityinfo.MethodView;
import io.securityinfo.securityinfo.MethodAlreadyRegisteredException;
import io.securityinfo.securityinfo.SecurityInfo;
import io.securityinfo.policy.QuestionPolicy;
import io.securityinfo.policy.QuestionRules;

/**
 * A person's answers to their security questions. Each answer is normalised — surrounding spaces dropped, letters
 * made lower case — so that "Rex " and "rex" are the same answer at reset time, and is kept only as a hash by the
 * app's password encoder: slow to try guesses against, never readable.
 */
@Service
public class SecurityAnswers implements AnswerCheck {

	/** The shortest answer, after normalising: shorter ones are guessed in a moment. */
	static final int MIN_CHARACTERS = 3;

	/** The longest answer in UTF-8 bytes: all that BCrypt reads (the encoder refuses longer ones). */
	static final int MAX_BYTES = 72;

	/** One row of the form: the question picked and the answer typed. */
	public record Answer(Long questionId, String text) {
	}

	/**
	 * Why answers were not saved: the row and field each message belongs beside ({@code row} -1 for the whole form),
	 * the message key and its arguments.
	 */
	record Problem(int row, String field, String messageKey, Object... arguments) {
	}

	static class AnswersRefusedException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final transient List<Problem> problems;

		AnswersRefusedException(List<Problem> problems) {
			super("Answers refused: " + problems.stream().map(Problem::messageKey).toList());
			this.problems = problems;
		}

		List<Problem> problems() {
			return problems;
		}

	}

	private final SecurityInfo securityInfo;

	private final SecurityAnswerRepository answers;

	private final QuestionPolicy questionPolicy;

	private final PasswordEncoder passwordEncoder;

	/**
	 * Compared with when a question has no answer, so that a check takes as long as a real one. Made once the app
	 * is up rather than in the constructor, where a hash at full cost delayed the first answer.
	 */
	private final SingletonSupplier<String> decoyHash;

	SecurityAnswers(SecurityInfo securityInfo, SecurityAnswerRepository answers, QuestionPolicy questionPolicy,
			PasswordEncoder passwordEncoder) {
		this.securityInfo = securityInfo;
		this.answers = answers;
		this.questionPolicy = questionPolicy;
		this.passwordEncoder = passwordEncoder;
		this.decoyHash = SingletonSupplier.of(() -> passwordEncoder.encode("no answer to compare with"));
	}

	/**
	 * Makes the decoy once the app is up (the first answer no longer waits for it), so that no check, not even the
	 * first after a start, takes longer for having no answer to compare with.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void prepareDecoyHash() {
		decoyHash.obtain();
	}

	public static String normalize(String answer) {
		return answer == null ? "" : answer.strip().toLowerCase(Locale.ROOT);
	}

	/**
	 * Registers the person's security questions.
	 * @throws MethodNotAllowedException when the policy does not let this person use security questions
	 * @throws MethodAlreadyRegisteredException when they have them already (Change answers them again)
	 * @throws AnswersRefusedException when an answer or question is not acceptable
	 */
	@Transactional
	public void add(long accountId, List<Answer> typed) {
		List<String> hashes = checkedHashes(accountId, typed);
		if (securityInfo.hasMethodOfType(accountId, SecurityQuestionsMethodType.ID)) {
			throw new MethodAlreadyRegisteredException();
		}
		register(accountId, typed, hashes);
	}

	/**
	 * Replaces the person's answers with new ones, or registers them when the person has none any more.
	 * @throws MethodNotAllowedException when the policy does not let this person use security questions
	 * @throws AnswersRefusedException when an answer or question is not acceptable
	 */
	@Transactional
	void change(long accountId, List<Answer> typed) {
		List<String> hashes = checkedHashes(accountId, typed);
		if (!securityInfo.hasMethodOfType(accountId, SecurityQuestionsMethodType.ID)) {
			register(accountId, typed, hashes);
			return;
		}
		MethodView method = securityInfo.changeDetail(accountId, SecurityQuestionsMethodType.ID,
				String.valueOf(typed.size()));
		answers.deleteByMethodId(method.id());
		store(method.id(), typed, hashes);
	}

	/**
	 * {@inheritDoc} Every answer is compared with a hash, the person's or a decoy.
	 */
	@Override
	@Transactional(readOnly = true)
	public boolean answersMatch(Long accountId, Map<Long, String> typed, int required) {
		Map<Long, String> stored = accountId == null ? Map.of()
				: securityInfo.methodIdOfType(accountId, SecurityQuestionsMethodType.ID)
					.map(methodId -> answers.findByMethodIdOrderByPositionAsc(methodId)
						.stream()
						.collect(Collectors.toMap(SecurityAnswer::getQuestionId, SecurityAnswer::getAnswerHash,
								(first, second) -> first)))
					.orElse(Map.of());
		boolean allRight = typed.size() == required && required > 0;
		Set<Long> seen = new HashSet<>();
		for (Map.Entry<Long, String> answer : typed.entrySet()) {
			String hash = stored.get(answer.getKey());
			boolean matches = passwordEncoder.matches(normalize(answer.getValue()),
					hash == null ? decoyHash.obtain() : hash);
			allRight &= hash != null && matches && seen.add(answer.getKey());
		}
		return allRight;
	}

	/** The questions the person answered, in their order: what "Change" starts from. */
	@Transactional(readOnly = true)
	List<Long> answeredQuestions(long accountId) {
		return securityInfo.methodIdOfType(accountId, SecurityQuestionsMethodType.ID)
			.map(methodId -> answers.findByMethodIdOrderByPositionAsc(methodId)
				.stream()
				.map(SecurityAnswer::getQuestionId)
				.toList())
			.orElse(List.of());
	}

	/**
	 * What is wrong with these answers under these rules, row by row; empty when they can be saved. Every row is
	 * checked, so the form shows every message at once.
	 */
	static List<Problem> problems(QuestionRules rules, List<Answer> typed) {
		List<Problem> problems = new ArrayList<>();
		if (typed.size() != rules.questionsRequired()) {
			problems.add(new Problem(-1, null, "questions.count-changed", rules.questionsRequired()));
			return problems;
		}
		Set<Long> questionsSeen = new HashSet<>();
		Set<String> answersSeen = new HashSet<>();
		for (int row = 0; row < typed.size(); row++) {
			Answer answer = typed.get(row);
			if (answer.questionId() == null) {
				problems.add(new Problem(row, "questionId", "questions.question.required"));
			}
			else if (!rules.offers(answer.questionId())) {
				problems.add(new Problem(row, "questionId", "questions.question.unavailable"));
			}
			else if (!questionsSeen.add(answer.questionId())) {
				problems.add(new Problem(row, "questionId", "questions.question.duplicate"));
			}
			String normalized = normalize(answer.text());
			if (normalized.isEmpty()) {
				problems.add(new Problem(row, "answer", "questions.answer.required"));
			}
			else if (normalized.codePointCount(0, normalized.length()) < MIN_CHARACTERS) {
				problems.add(new Problem(row, "answer", "questions.answer.too-short", MIN_CHARACTERS));
			}
			else if (normalized.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
				problems.add(new Problem(row, "answer", "questions.answer.too-long"));
			}
			else if (!answersSeen.add(normalized)) {
				problems.add(new Problem(row, "answer", "questions.answer.duplicate"));
			}
		}
		return problems;
	}

	/** Checks the policy and the answers, then hashes them: slow, so before anything is read for writing. */
	private List<String> checkedHashes(long accountId, List<Answer> typed) {
		if (!securityInfo.isAllowed(accountId, SecurityQuestionsMethodType.ID)) {
			throw new MethodNotAllowedException();
		}
		List<Problem> problems = problems(questionPolicy.current(), typed);
		if (!problems.isEmpty()) {
			throw new AnswersRefusedException(problems);
		}
		return typed.stream().map(answer -> passwordEncoder.encode(normalize(answer.text()))).toList();
	}

	/** Security questions are never a default: the type has no sign-in mode to be one in. */
	private void register(long accountId, List<Answer> typed, List<String> hashes) {
		MethodView method = securityInfo.register(accountId, SecurityQuestionsMethodType.ID,
				String.valueOf(typed.size()), null);
		store(method.id(), typed, hashes);
	}

	private void store(long methodId, List<Answer> typed, List<String> hashes) {
		for (int row = 0; row < typed.size(); row++) {
			answers.save(new SecurityAnswer(methodId, typed.get(row).questionId(), row, hashes.get(row)));
		}
	}

}
