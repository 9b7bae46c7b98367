package io.securityinfo.securityinfo;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.function.SingletonSupplier;

import io.securityinfo.securityinfo.questions.SecurityAnswers;
import io.securityinfo.securityinfo.questions.SecurityAnswer;
import io.securityinfo.securityinfo.questions.SecurityQuestionsMethodType;
import io.securityinfo.securityinfo.app.AuthenticatorAppMethodType;
import io.securityinfo.securityinfo.email.EmailMethodType;
import io.securityinfo.securityinfo.phone.AlternatePhoneMethodType;
import io.securityinfo.securityinfo.phone.OfficePhoneMethodType;
import io.securityinfo.securityinfo.phone.PhoneMethodType;
import io.securityinfo.securityinfo.questions.SecurityAnswerRepository;
import io.securityinfo.phone.PhoneNumber;

/**
 * What self-service password reset reads of a person's security info: the method of a kind they registered, and
 * whether answers to their security questions are right. The policy is the caller's to check.
 */
@Service
public class ResetMethods {

	/** The kinds of method a password can be reset with. */
	public enum Kind {

		MOBILE_PHONE(PhoneMethodType.ID, true), OFFICE_PHONE(OfficePhoneMethodType.ID, true),
		ALTERNATE_PHONE(AlternatePhoneMethodType.ID, true), EMAIL(EmailMethodType.ID, false),
		AUTHENTICATOR_APP(AuthenticatorAppMethodType.ID, false),
		SECURITY_QUESTIONS(SecurityQuestionsMethodType.ID, false);

		private final String typeId;

		private final boolean phone;

		Kind(String typeId, boolean phone) {
			this.typeId = typeId;
			this.phone = phone;
		}

		/** The method type's id, as the audit log and Security info name it. */
		public String typeId() {
			return typeId;
		}

	}

	/**
	 * A registered method: its id and its detail: a phone's number in E.164 without an office phone's extension (the
	 * number a call goes to, as registration calls it), a normalized address.
	 */
	public record Registered(long methodId, String detail) {
	}

	private final SecurityMethodRepository methods;

	private final SecurityAnswerRepository answers;

	private final PasswordEncoder passwordEncoder;

	/**
	 * Compared with when a question has no answer, so that a check takes as long as a real one. Made once the app
	 * is up rather than in the constructor, where a hash at full cost delayed the first answer.
	 */
	private final SingletonSupplier<String> decoyHash;

	ResetMethods(SecurityMethodRepository methods, SecurityAnswerRepository answers,
			PasswordEncoder passwordEncoder) {
		this.methods = methods;
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

	@Transactional(readOnly = true)
	public Optional<Registered> find(long accountId, Kind kind) {
		return methods.findByAccountIdAndType(accountId, kind.typeId())
			.map(method -> new Registered(method.getId(),
					kind.phone ? PhoneNumber.e164Of(method.getDetail()) : method.getDetail()));
	}

	/**
	 * Whether these answers, by question id, are the person's: as many as {@code required}, each to a different
	 * question they answered, each the same answer once normalised. Every answer is compared with a hash, the
	 * person's or a decoy, so that the check takes as long whether or not the person has such questions.
	 * @param accountId the person, or null when the email named no one
	 */
	@Transactional(readOnly = true)
	public boolean answersMatch(Long accountId, Map<Long, String> typed, int required) {
		Map<Long, String> stored = accountId == null ? Map.of()
				: methods.findByAccountIdAndType(accountId, SecurityQuestionsMethodType.ID)
					.map(method -> answers.findByMethodIdOrderByPositionAsc(method.getId())
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
