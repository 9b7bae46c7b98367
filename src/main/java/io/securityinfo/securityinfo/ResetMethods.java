package io.securityinfo.securityinfo;

import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What self-service password reset reads of a person's security info: the method of a kind they registered, and
 * whether answers to their security questions are right. The policy is the caller's to check.
 */
@Service
public class ResetMethods {

	/** The kinds of method a password can be reset with. */
	public enum Kind {

		MOBILE_PHONE("PHONE"), OFFICE_PHONE("OFFICE_PHONE"), ALTERNATE_PHONE("ALTERNATE_PHONE"), EMAIL("EMAIL"),
		AUTHENTICATOR_APP("AUTHENTICATOR_APP"), SECURITY_QUESTIONS("SECURITY_QUESTIONS");

		private final String typeId;

		Kind(String typeId) {
			this.typeId = typeId;
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

	private final MethodTypes types;

	private final AnswerCheck answerCheck;

	ResetMethods(SecurityMethodRepository methods, MethodTypes types, AnswerCheck answerCheck) {
		this.methods = methods;
		this.types = types;
		this.answerCheck = answerCheck;
	}

	@Transactional(readOnly = true)
	public Optional<Registered> find(long accountId, Kind kind) {
		return methods.findByAccountIdAndType(accountId, kind.typeId())
			.map(method -> new Registered(method.getId(),
					types.get(kind.typeId()).phoneNumber(method.getDetail()).orElse(method.getDetail())));
	}

	/** @see AnswerCheck#answersMatch */
	public boolean answersMatch(Long accountId, Map<Long, String> typed, int required) {
		return answerCheck.answersMatch(accountId, typed, required);
	}

}
