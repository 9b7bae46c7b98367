package io.securityinfo.audit;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.securityinfo.sessions.SignInHistory;

/** The sign-in activity of "Devices and activity", read from the audit log's sign-in rows. */
@Component
class AuditSignInHistory implements SignInHistory {

	static final Set<AuditAction> PASSWORD_STEPS = EnumSet.of(AuditAction.SIGN_IN_SUCCEEDED,
			AuditAction.SIGN_IN_FAILED);

	static final Set<AuditAction> SECOND_STEPS = EnumSet.of(AuditAction.TWO_STEP_SUCCEEDED,
			AuditAction.TWO_STEP_FAILED, AuditAction.TWO_STEP_LOCKED_OUT);

	/** Sign-ins that need no password: a passkey, a Temporary Access Pass. */
	static final Set<AuditAction> WITHOUT_PASSWORD = EnumSet.of(AuditAction.PASSKEY_SIGN_IN,
			AuditAction.TEMPORARY_ACCESS_PASS_USED);

	private static final Set<AuditAction> SUCCEEDED = EnumSet.of(AuditAction.SIGN_IN_SUCCEEDED,
			AuditAction.TWO_STEP_SUCCEEDED, AuditAction.PASSKEY_SIGN_IN, AuditAction.TEMPORARY_ACCESS_PASS_USED);

	private static final Set<AuditAction> STEPS = EnumSet.copyOf(PASSWORD_STEPS);

	static {
		STEPS.addAll(SECOND_STEPS);
		STEPS.addAll(WITHOUT_PASSWORD);
	}

	private final AuditEventRepository events;

	AuditSignInHistory(AuditEventRepository events) {
		this.events = events;
	}

	@Override
	@Transactional(readOnly = true)
	public List<SignInStep> newest(long accountId, int limit) {
		return events.findBySubjectAccountIdAndActionInOrderByOccurredAtDescIdDesc(accountId, STEPS, Limit.of(limit))
			.stream()
			.map(AuditSignInHistory::step)
			.toList();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<SignInStep> find(long accountId, long id) {
		return events.findByIdAndSubjectAccountIdAndActionIn(id, accountId, STEPS).map(AuditSignInHistory::step);
	}

	private static SignInStep step(AuditEvent event) {
		Map<String, String> facts = AuditFacts.decode(event.getFacts());
		String mode = switch (event.getAction()) {
			// The row names the method type; the mode column is empty.
			case PASSKEY_SIGN_IN, TEMPORARY_ACCESS_PASS_USED -> event.getMethodType();
			default -> event.getMethodMode() == null ? AuditTrail.PASSWORD : event.getMethodMode();
		};
		return new SignInStep(event.getId(), event.getOccurredAt(), SUCCEEDED.contains(event.getAction()),
				SECOND_STEPS.contains(event.getAction()), "audit.mode." + mode, event.getClientIp(),
				facts.get(AuditFacts.BROWSER), facts.get(AuditFacts.SYSTEM));
	}

}
