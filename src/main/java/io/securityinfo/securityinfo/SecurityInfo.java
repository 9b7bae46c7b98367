package io.securityinfo.securityinfo;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.securityinfo.audit.AuditAction;
import io.securityinfo.audit.AuditLog;

/**
 * A person's security info: the methods they registered and which one is their default sign-in method.
 *
 * <p>
 * When the default has to move (its method is deleted), it goes to the remaining sign-in method of the strongest
 * type (lowest {@link MethodType#rank()}), oldest first, in that type's preferred mode; with none left there is
 * no default.
 */
@Service
public class SecurityInfo {

	private final SecurityMethodRepository methods;

	private final MethodTypes types;

	private final AuditLog auditLog;

	private final Clock clock;

	SecurityInfo(SecurityMethodRepository methods, MethodTypes types, AuditLog auditLog, Clock clock) {
		this.methods = methods;
		this.types = types;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Overview overview(long accountId) {
		List<SecurityMethod> registered = methods.findByAccountIdOrderByCreatedAtAscIdAsc(accountId);
		DefaultChoice defaultMethod = registered.stream()
			.filter(SecurityMethod::isDefault)
			.findFirst()
			.map(method -> choice(method, method.getDefaultMode()))
			.orElse(null);
		return new Overview(registered.stream().map(this::view).toList(), defaultMethod);
	}

	/** The types this person can still add: one method of each type. */
	@Transactional(readOnly = true)
	public List<MethodType> typesToAdd(long accountId) {
		List<String> registered = methods.findByAccountIdOrderByCreatedAtAscIdAsc(accountId)
			.stream()
			.map(SecurityMethod::getType)
			.toList();
		return types.all().stream().filter(type -> !registered.contains(type.id())).toList();
	}

	@Transactional(readOnly = true)
	public boolean hasMethodOfType(long accountId, String typeId) {
		return methods.existsByAccountIdAndType(accountId, typeId);
	}

	/** Every method and mode this person can sign in with, in strength order. */
	@Transactional(readOnly = true)
	public List<DefaultChoice> defaultChoices(long accountId) {
		return signInMethodsInStrengthOrder(methods.findByAccountIdOrderByCreatedAtAscIdAsc(accountId)).stream()
			.flatMap(method -> types.get(method.getType()).signInModes().stream().map(mode -> choice(method, mode)))
			.toList();
	}

	@Transactional
	public void changeDefault(long accountId, long methodId, MethodMode mode) {
		SecurityMethod chosen = owned(accountId, methodId);
		if (!types.get(chosen.getType()).signInModes().contains(mode)) {
			throw new InvalidDefaultChoiceException();
		}
		methods.findByAccountIdOrderByCreatedAtAscIdAsc(accountId).forEach(SecurityMethod::clearDefault);
		methods.flush();
		chosen.makeDefault(mode);
		auditLog.recordOwn(accountId, AuditAction.DEFAULT_METHOD_CHANGED, describe(chosen) + " " + mode);
	}

	@Transactional(readOnly = true)
	public DeletePreview previewDelete(long accountId, long methodId) {
		SecurityMethod method = owned(accountId, methodId);
		DefaultChoice next = method.isDefault() ? nextDefault(accountId, method).orElse(null) : null;
		return new DeletePreview(view(method), method.isDefault(), next);
	}

	/** Deletes a method; no undo. When it was the default, the default moves as the class comment says. */
	@Transactional
	public void delete(long accountId, long methodId) {
		SecurityMethod method = owned(accountId, methodId);
		Optional<DefaultChoice> next = method.isDefault() ? nextDefault(accountId, method) : Optional.empty();
		methods.delete(method);
		methods.flush();
		auditLog.recordOwn(accountId, AuditAction.METHOD_DELETED, describe(method));
		next.ifPresent(choice -> {
			owned(accountId, choice.methodId()).makeDefault(choice.mode());
			auditLog.recordOwn(accountId, AuditAction.DEFAULT_METHOD_CHANGED,
					describe(owned(accountId, choice.methodId())) + " " + choice.mode());
		});
	}

	/**
	 * Stores a method whose possession was just proven. The first sign-in method becomes the default, in the mode
	 * that proved it when the type signs in that way.
	 */
	@Transactional
	public MethodView register(long accountId, String typeId, String detail, MethodMode provenMode) {
		MethodType type = types.get(typeId);
		boolean hasDefault = methods.findByAccountIdOrderByCreatedAtAscIdAsc(accountId)
			.stream()
			.anyMatch(SecurityMethod::isDefault);
		SecurityMethod method = new SecurityMethod(accountId, typeId, detail, clock.instant());
		if (!hasDefault && type.canSignIn()) {
			method.makeDefault(type.signInModes().contains(provenMode) ? provenMode : type.signInModes().get(0));
		}
		methods.saveAndFlush(method);
		auditLog.recordOwn(accountId, AuditAction.METHOD_ADDED, describe(method));
		if (method.isDefault()) {
			auditLog.recordOwn(accountId, AuditAction.DEFAULT_METHOD_CHANGED,
					describe(method) + " " + method.getDefaultMode());
		}
		return view(method);
	}

	@Transactional(readOnly = true)
	public boolean isRegistered(long accountId, String typeId, String detail) {
		return methods.existsByAccountIdAndTypeAndDetail(accountId, typeId, detail);
	}

	private Optional<DefaultChoice> nextDefault(long accountId, SecurityMethod leaving) {
		List<SecurityMethod> others = methods.findByAccountIdOrderByCreatedAtAscIdAsc(accountId)
			.stream()
			.filter(method -> !method.getId().equals(leaving.getId()))
			.toList();
		return signInMethodsInStrengthOrder(others).stream()
			.findFirst()
			.map(method -> choice(method, types.get(method.getType()).signInModes().get(0)));
	}

	private List<SecurityMethod> signInMethodsInStrengthOrder(List<SecurityMethod> candidates) {
		return candidates.stream()
			.filter(method -> types.get(method.getType()).canSignIn())
			.sorted(Comparator.comparingInt((SecurityMethod method) -> types.get(method.getType()).rank()))
			.toList();
	}

	private SecurityMethod owned(long accountId, long methodId) {
		return methods.findByIdAndAccountId(methodId, accountId).orElseThrow(MethodNotFoundException::new);
	}

	private MethodView view(SecurityMethod method) {
		MethodType type = types.get(method.getType());
		return new MethodView(method.getId(), type.id(), type.nameKey(), type.displayDetail(method.getDetail()),
				type.canSignIn(), method.isDefault());
	}

	private DefaultChoice choice(SecurityMethod method, MethodMode mode) {
		MethodType type = types.get(method.getType());
		return new DefaultChoice(method.getId(), mode, type.nameKey(), type.displayDetail(method.getDetail()));
	}

	private String describe(SecurityMethod method) {
		return method.getType() + " " + types.get(method.getType()).maskedDetail(method.getDetail());
	}

}
