package io.securityinfo.securityinfo.questions;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.function.SingletonSupplier;

import io.securityinfo.securityinfo.AnswerCheck;
import io.securityinfo.securityinfo.SecurityInfo;

/**
 * Compares typed answers with the hashes of the person's answers. Every answer is compared with a hash, the person's
 * or a decoy, so that the check takes as long whether or not the person has such questions.
 */
@Component
class HashedAnswerCheck implements AnswerCheck {

	private final SecurityInfo securityInfo;

	private final SecurityAnswerRepository answers;

	private final PasswordEncoder passwordEncoder;

	/**
	 * Compared with when a question has no answer, so that a check takes as long as a real one. Made once the app
	 * is up rather than in the constructor, where a hash at full cost delayed the first answer.
	 */
	private final SingletonSupplier<String> decoyHash;

	HashedAnswerCheck(SecurityInfo securityInfo, SecurityAnswerRepository answers, PasswordEncoder passwordEncoder) {
		this.securityInfo = securityInfo;
		this.answers = answers;
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
			boolean matches = passwordEncoder.matches(SecurityAnswers.normalize(answer.getValue()),
					hash == null ? decoyHash.obtain() : hash);
			allRight &= hash != null && matches && seen.add(answer.getKey());
		}
		return allRight;
	}

}
