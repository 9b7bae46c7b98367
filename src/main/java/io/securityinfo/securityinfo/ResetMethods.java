package io.securityinfo.securityinfo;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What self-service password reset reads of a person's security info: the ways to reset a password that the method
 * types declare, the method a way proves when the person registered one, and whether answers to their security
 * questions are right. The policy is the caller's to check.
 */
@Service
public class ResetMethods {

	/**
	 * A registered method: its id and where a code for it goes ({@link MethodType#codeDestination}): a phone's
	 * number in E.164 without an office phone's extension (the number a call goes to, as registration calls it), a
	 * normalized address.
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

	/** Every way to reset a password, in the order the reset pages list them. */
	public List<ResetWay> ways() {
		return types.resetWays();
	}

	/** The person's method that this way proves, when they registered one. */
	@Transactional(readOnly = true)
	public Optional<Registered> find(long accountId, ResetWay way) {
		MethodType type = types.get(way.typeId());
		return methods.findByAccountIdAndType(accountId, way.typeId())
			.map(method -> new Registered(method.getId(), type.codeDestination(method.getDetail())));
	}

	/** See {@link AnswerCheck#answersMatch}. */
	public boolean answersMatch(Long accountId, Map<Long, String> typed, int required) {
		return answerCheck.answersMatch(accountId, typed, required);
	}

}
