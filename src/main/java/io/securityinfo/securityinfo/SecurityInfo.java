package io.securityinfo.securityinfo;

import java.time.Clock;
import java.util.Comparator;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.securityinfo.policy.AuthenticationMethod;
import io.securityinfo.policy.MethodPolicy;
import io.securityinfo.policy.SignInPolicy;
import io.securityinfo.policy.TwoStepPolicy;
import io.securityinfo.securityinfo.SecurityInfoChanged.Change;
import io.securityinfo.ClientAddress;

/**
 * A person's security info: the methods they registered and which one is their default sign-in method.
 *
 * <p>
 * <b>Default order.</b> When the default has to move — its method is deleted, or the policy no longer allows it —
 * it goes to the remaining allowed sign-in method of the strongest type (lowest {@link MethodType#rank()}), oldest
 * first, in that type's first allowed mode; with none left there is no default. A default the policy stops
 * allowing is replaced when read, so that it is in force on every app instance at once, and comes back if the
 * policy allows it again.
 */
@Service
public class SecurityInfo {

	private final SecurityMethodRepository methods;

	private final MethodTypes types;

	private final MethodPolicy policy;

	private final TwoStepPolicy twoStepPolicy;

	private final SignInPolicy signInPolicy;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	SecurityInfo(SecurityMethodRepository methods, MethodTypes types, MethodPolicy policy,
			TwoStepPolicy twoStepPolicy, SignInPolicy signInPolicy, Clock clock, ApplicationEventPublisher events) {
		this.signInPolicy = signInPolicy;
		this.methods = methods;
		this.types = types;
		this.policy = policy;
		this.twoStepPolicy = twoStepPolicy;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * The ways this person can give a second factor, the one asked for first at the top: while the sign-in policy
	 * asks for the strongest first, all of them strongest first (by {@link MethodType#strength(MethodMode)}: passkey,
	 * app, call, text); else their default, then the others in default order. Email and security questions are never
	 * among them: they only help to reset a password. A person who must sign in phishing-resistantly and has such a
	 * method is offered only those.
	 */
	@Transactional(readOnly = true)
	public List<SignInOption> signInOptions(long accountId) {
		return signInOrder(accountId).options();
	}

	/** {@link #signInOptions}, and why the first is asked for first. */
	@Transactional(readOnly = true)
	public SignInOrder signInOrder(long accountId) {
		return signInOrder(accountId, methods.findByAccountIdOrderByCreatedAtAscIdAsc(accountId),
				policy.allowedFor(accountId));
	}

	/** One statement beyond the person's methods and policy: the sign-in policy's order, when they have a method. */
	private SignInOrder signInOrder(long accountId, List<SecurityMethod> registered,
			Set<AuthenticationMethod> allowed) {
		Map<Long, SecurityMethod> byId = registered.stream()
			.collect(Collectors.toMap(SecurityMethod::getId, method -> method));
		List<DefaultChoice> choices = choicesStrongestFirst(registered, allowed, false);
		SignInOrder.Reason reason = SignInOrder.Reason.STRONGEST;
		if (choices.isEmpty()) {
			return new SignInOrder(List.of(), reason);
		}
		List<DefaultChoice> phishingResistant = choicesStrongestFirst(registered, allowed, true);
		if (!phishingResistant.isEmpty() && signInPolicy.requiresPhishingResistance(accountId)) {
			choices = phishingResistant;
			reason = SignInOrder.Reason.PHISHING_RESISTANT;
		}
		else if (!signInPolicy.strongestFirst()) {
			Optional<DefaultChoice> preferred = effectiveDefault(registered, allowed);
			choices = choicesInDefaultOrder(registered, allowed).stream()
				.sorted(Comparator.comparing((DefaultChoice choice) -> !preferred.map(choice::equals).orElse(false)))
				.toList();
			reason = SignInOrder.Reason.DEFAULT;
		}
		return new SignInOrder(
				choices.stream().map(choice -> option(byId.get(choice.methodId()), choice.mode())).toList(), reason);
	}

	/**
	 * Whether this person must give a phishing-resistant second factor: the policy requires it of them and they have
	 * such a method the policy allows. Text, call and app codes are then refused.
	 */
	@Transactional(readOnly = true)
	public boolean mustSignInPhishingResistantly(long accountId) {
		return anyPhishingResistantType() && signInPolicy.requiresPhishingResistance(accountId)
				&& !choicesStrongestFirst(methods.findByAccountIdOrderByCreatedAtAscIdAsc(accountId),
						policy.allowedFor(accountId), true)
					.isEmpty();
	}

	/**
	 * Whether this person is held to phishing-resistant sign-in but has no such method yet, while the policy lets
	 * them register one: the registration interrupt asks them to. No statement while no type is phishing-resistant.
	 */
	@Transactional(readOnly = true)
	public boolean mustRegisterPhishingResistantMethod(long accountId) {
		if (!anyPhishingResistantType() || !signInPolicy.requiresPhishingResistance(accountId)) {
			return false;
		}
		Set<AuthenticationMethod> allowed = policy.allowedFor(accountId);
		return types.all().stream().anyMatch(type -> type.phishingResistant() && type.isAllowed(allowed))
				&& choicesStrongestFirst(methods.findByAccountIdOrderByCreatedAtAscIdAsc(accountId), allowed, true)
					.isEmpty();
	}

	private boolean anyPhishingResistantType() {
		return types.all().stream().anyMatch(MethodType::phishingResistant);
	}

	/**
	 * The type of this person's strongest sign-in method, whatever the policy allows (it tells how far the person has
	 * come, as the campaign's progress counts it); empty when they have none.
	 */
	@Transactional(readOnly = true)
	public Optional<MethodType> strongestType(long accountId) {
		return methods.findByAccountIdOrderByCreatedAtAscIdAsc(accountId)
			.stream()
			.map(method -> types.get(method.getType()))
			.filter(type -> type.canSignIn() && type.canBeDefault())
			.min(Comparator.comparingInt(MethodType::strength));
	}

	/**
	 * The strongest way this person can sign in that the policy allows (whatever is asked for first); empty when
	 * they have none.
	 */
	@Transactional(readOnly = true)
	public Optional<SignInOption> strongestOption(long accountId) {
		List<SecurityMethod> registered = methods.findByAccountIdOrderByCreatedAtAscIdAsc(accountId);
		return choicesStrongestFirst(registered, policy.allowedFor(accountId), false).stream()
			.findFirst()
			.map(choice -> option(registered.stream()
				.filter(method -> method.getId().longValue() == choice.methodId())
				.findFirst()
				.orElseThrow(), choice.mode()));
	}

	/** Whether sign-in asks for the strongest method first (else the person's default). */
	@Transactional(readOnly = true)
	public boolean asksStrongestFirst() {
		return signInPolicy.strongestFirst();
	}

	/** Every allowed (method, mode), strongest first; only the phishing-resistant ones when asked. */
	private List<DefaultChoice> choicesStrongestFirst(List<SecurityMethod> candidates,
			Set<AuthenticationMethod> allowed, boolean phishingResistantOnly) {
		record Ranked(DefaultChoice choice, int strength) {
		}
		return candidates.stream()
			.filter(method -> !phishingResistantOnly || types.get(method.getType()).phishingResistant())
			.flatMap(method -> {
				MethodType type = types.get(method.getType());
				return type.allowedModes(allowed)
					.stream()
					.map(mode -> new Ranked(choice(method, mode), type.strength(mode)));
			})
			.sorted(Comparator.comparingInt(Ranked::strength))
			.map(Ranked::choice)
			.toList();
	}

	/** Whether this person has a method the policy lets them give a second factor with. */
	@Transactional(readOnly = true)
	public boolean hasSignInOption(long accountId) {
		return !choicesInDefaultOrder(methods.findByAccountIdOrderByCreatedAtAscIdAsc(accountId),
				policy.allowedFor(accountId))
			.isEmpty();
	}

	/**
	 * Whether deleting this method would take away the last way this person can sign in with two steps while the
	 * policy requires them to.
	 */
	@Transactional(readOnly = true)
	public boolean isLastTwoStepMethod(long accountId, long methodId) {
		Set<AuthenticationMethod> allowed = policy.allowedFor(accountId);
		List<SecurityMethod> registered = methods.findByAccountIdOrderByCreatedAtAscIdAsc(accountId);
		return isLastTwoStepMethod(registered, owned(accountId, methodId), allowed)
				&& twoStepPolicy.appliesTo(accountId);
	}

	/** The person's methods and default, as administrators and the reconfirmation see them: two statements. */
	@Transactional(readOnly = true)
	public Overview overview(long accountId) {
		return overview(accountId, false);
	}

	/**
	 * The Security info page: {@link #overview(long)} and the method sign-in asks for first, with why (one statement
	 * more, the sign-in policy's order).
	 */
	@Transactional(readOnly = true)
	public Overview overviewWithSignInOrder(long accountId) {
		return overview(accountId, true);
	}

	private Overview overview(long accountId, boolean withSignInOrder) {
		Set<AuthenticationMethod> allowed = policy.allowedFor(accountId);
		List<SecurityMethod> registered = methods.findByAccountIdOrderByCreatedAtAscIdAsc(accountId);
		DefaultChoice defaultMethod = effectiveDefault(registered, allowed).orElse(null);
		boolean canAdd = types.all()
			.stream()
			.anyMatch(type -> type.addPath() != null && type.isAllowed(allowed)
					&& registered.stream().noneMatch(method -> method.getType().equals(type.id())));
		return new Overview(registered.stream()
			.map(method -> view(method, allowed, defaultMethod != null && defaultMethod.methodId() == method.getId()))
			.toList(), defaultMethod, withSignInOrder ? signInOrder(accountId, registered, allowed) : null,
				canAdd);
	}

	/** The types this person can still add (one method of each type), as the policy allows. */
	@Transactional(readOnly = true)
	public AddOptions addOptions(long accountId) {
		Set<AuthenticationMethod> allowed = policy.allowedFor(accountId);
		List<String> registered = methods.findByAccountIdOrderByCreatedAtAscIdAsc(accountId)
			.stream()
			.map(SecurityMethod::getType)
			.toList();
		List<MethodType> notYetRegistered = types.all()
			.stream()
			.filter(type -> type.addPath() != null && !registered.contains(type.id()))
			.toList();
		List<MethodType> addable = notYetRegistered.stream().filter(type -> type.isAllowed(allowed)).toList();
		return new AddOptions(addable, addable.size() < notYetRegistered.size());
	}

	/** The modes of a type this person may use, preferred first; empty when the policy allows none. */
	@Transactional(readOnly = true)
	public List<MethodMode> allowedModes(long accountId, String typeId) {
		return types.get(typeId).allowedModes(policy.allowedFor(accountId));
	}

	@Transactional(readOnly = true)
	public boolean hasMethodOfType(long accountId, String typeId) {
		return methods.existsByAccountIdAndType(accountId, typeId);
	}

	/** Every method and mode this person can sign in with and the policy allows, in default order. */
	@Transactional(readOnly = true)
	public List<DefaultChoice> defaultChoices(long accountId) {
		return choicesInDefaultOrder(defaultable(methods.findByAccountIdOrderByCreatedAtAscIdAsc(accountId)),
				policy.allowedFor(accountId));
	}

	@Transactional
	public void changeDefault(long accountId, long methodId, MethodMode mode) {
		SecurityMethod chosen = owned(accountId, methodId);
		MethodType chosenType = types.get(chosen.getType());
		if (!chosenType.canBeDefault() || !chosenType.allowedModes(policy.allowedFor(accountId)).contains(mode)) {
			throw new InvalidDefaultChoiceException();
		}
		methods.findByAccountIdOrderByCreatedAtAscIdAsc(accountId).forEach(SecurityMethod::clearDefault);
		methods.flush();
		chosen.makeDefault(mode);
		publish(accountId, accountId, Change.DEFAULT_METHOD_CHANGED, told(chosen, mode), null, null);
	}

	@Transactional(readOnly = true)
	public DeletePreview previewDelete(long accountId, long methodId) {
		Set<AuthenticationMethod> allowed = policy.allowedFor(accountId);
		List<SecurityMethod> registered = methods.findByAccountIdOrderByCreatedAtAscIdAsc(accountId);
		SecurityMethod method = owned(accountId, methodId);
		Optional<DefaultChoice> current = effectiveDefault(registered, allowed);
		boolean isDefault = current.map(choice -> choice.methodId() == methodId).orElse(false);
		DefaultChoice next = isDefault ? nextDefault(registered, method, allowed).orElse(null) : null;
		return new DeletePreview(view(method, allowed, isDefault), isDefault, next);
	}

	/**
	 * Deletes a method; no undo. When it was the default, the default moves in the default order.
	 * @throws MethodNotFoundException when the person has no such method, or one of a type only an administrator
	 * removes ({@link MethodType#removable()})
	 * @throws LastTwoStepMethodException when two-step verification is required of the person and this is the last
	 * method they can give it with
	 */
	@Transactional
	public void delete(long accountId, long methodId) {
		Set<AuthenticationMethod> allowed = policy.allowedFor(accountId);
		SecurityMethod method = owned(accountId, methodId);
		if (!types.get(method.getType()).removable()) {
			throw new MethodNotFoundException();
		}
		if (isLastTwoStepMethod(methods.findByAccountIdOrderByCreatedAtAscIdAsc(accountId), method, allowed)
				&& twoStepPolicy.appliesTo(accountId)) {
			throw new LastTwoStepMethodException();
		}
		delete(accountId, method, allowed, accountId);
	}

	/** An administrator deletes one of a person's methods. */
	@Transactional
	public void deleteAsAdmin(long adminId, long accountId, long methodId) {
		delete(accountId, owned(accountId, methodId), policy.allowedFor(accountId), adminId);
	}

	/** Removes every method of a person, as an administrator does when a phone is lost. */
	@Transactional
	public int deleteAll(long adminId, long accountId) {
		List<SecurityMethod> registered = methods.findByAccountIdOrderByCreatedAtAscIdAsc(accountId);
		methods.deleteAll(registered);
		if (!registered.isEmpty()) {
			events.publishEvent(new SecurityInfoChanged(accountId, adminId, Change.ALL_METHODS_DELETED, null, null,
					null, registered.stream().map(method -> told(method, null)).toList(), clock.instant(),
					ClientAddress.current()));
		}
		return registered.size();
	}

	/** How many methods a person has registered. */
	@Transactional(readOnly = true)
	public int count(long accountId) {
		return methods.findByAccountIdOrderByCreatedAtAscIdAsc(accountId).size();
	}

	/**
	 * Stores a method whose possession was just proven. The first sign-in method becomes the default, in the mode
	 * that proved it when the type signs in that way.
	 */
	@Transactional
	public MethodView register(long accountId, String typeId, String detail, MethodMode provenMode) {
		MethodType type = types.get(typeId);
		Set<AuthenticationMethod> allowed = policy.allowedFor(accountId);
		List<SecurityMethod> registered = methods.findByAccountIdOrderByCreatedAtAscIdAsc(accountId);
		boolean hasDefault = effectiveDefault(registered, allowed).isPresent();
		SecurityMethod method = new SecurityMethod(accountId, typeId, detail, clock.instant());
		List<MethodMode> modes = type.allowedModes(allowed);
		if (!hasDefault && !modes.isEmpty() && type.canBeDefault()) {
			registered.forEach(SecurityMethod::clearDefault);
			method.makeDefault(modes.contains(provenMode) ? provenMode : modes.get(0));
		}
		methods.saveAndFlush(method);
		publish(accountId, accountId, Change.METHOD_ADDED, told(method, null), null,
				method.isDefault() ? told(method, types.get(typeId).mode(method.getDefaultMode()).orElse(null)) : null);
		return view(method, allowed, method.isDefault());
	}

	@Transactional(readOnly = true)
	public boolean isRegistered(long accountId, String typeId, String detail) {
		return methods.existsByAccountIdAndTypeAndDetail(accountId, typeId, detail);
	}

	/**
	 * "Change": gives the person's method of this type new details whose possession was just proven (a new number,
	 * a new address, new answers). The method keeps its place in the list and its default mode, so changing details
	 * never moves the default sign-in method.
	 * @throws MethodNotFoundException when the person has no method of this type (deleted meanwhile)
	 */
	@Transactional
	public MethodView changeDetail(long accountId, String typeId, String detail) {
		SecurityMethod method = methods.findByAccountIdAndType(accountId, typeId)
			.orElseThrow(MethodNotFoundException::new);
		String before = types.get(typeId).maskedDetail(method.getDetail());
		method.changeDetail(detail);
		methods.flush();
		publish(accountId, accountId, Change.METHOD_CHANGED, told(method, null), before, null);
		Set<AuthenticationMethod> allowed = policy.allowedFor(accountId);
		boolean isDefault = effectiveDefault(methods.findByAccountIdOrderByCreatedAtAscIdAsc(accountId), allowed)
			.map(choice -> choice.methodId() == method.getId())
			.orElse(false);
		return view(method, allowed, isDefault);
	}

	/** Whether the policy lets this person add and keep methods of this type. */
	@Transactional(readOnly = true)
	public boolean isAllowed(long accountId, String typeId) {
		return types.get(typeId).isAllowed(policy.allowedFor(accountId));
	}

	/** The id of the person's method of this type, when they have one. */
	@Transactional(readOnly = true)
	public Optional<Long> methodIdOfType(long accountId, String typeId) {
		return methods.findByAccountIdAndType(accountId, typeId).map(SecurityMethod::getId);
	}

	/** The stored detail of each of the person's methods, by type id: a person has one method of each type. */
	@Transactional(readOnly = true)
	public Map<String, String> detailsByType(long accountId) {
		return methods.findByAccountIdOrderByCreatedAtAscIdAsc(accountId)
			.stream()
			.collect(Collectors.toMap(SecurityMethod::getType, SecurityMethod::getDetail));
	}

	/** The stored detail of the person's method of these types added last, when they have one. */
	@Transactional(readOnly = true)
	public Optional<String> lastDetailOfTypes(long accountId, Collection<String> typeIds) {
		return methods.findByAccountIdOrderByCreatedAtAscIdAsc(accountId)
			.stream()
			.filter(method -> typeIds.contains(method.getType()))
			.reduce((earlier, later) -> later)
			.map(SecurityMethod::getDetail);
	}

	private void delete(long accountId, SecurityMethod method, Set<AuthenticationMethod> allowed, long actorId) {
		List<SecurityMethod> registered = methods.findByAccountIdOrderByCreatedAtAscIdAsc(accountId);
		boolean wasDefault = effectiveDefault(registered, allowed).map(c -> c.methodId() == method.getId())
			.orElse(false);
		Optional<DefaultChoice> next = wasDefault ? nextDefault(registered, method, allowed) : Optional.empty();
		methods.delete(method);
		methods.flush();
		SecurityInfoChanged.Method newDefault = next.map(choice -> {
			registered.forEach(SecurityMethod::clearDefault);
			SecurityMethod successor = owned(accountId, choice.methodId());
			successor.makeDefault(choice.mode());
			return told(successor, choice.mode());
		}).orElse(null);
		publish(accountId, actorId, Change.METHOD_DELETED, told(method, null), null, newDefault);
	}

	/** The stored default while the policy allows it; else the first allowed choice in default order. */
	private Optional<DefaultChoice> effectiveDefault(List<SecurityMethod> registered,
			Set<AuthenticationMethod> allowed) {
		Optional<DefaultChoice> stored = registered.stream()
			.filter(SecurityMethod::isDefault)
			.flatMap(method -> types.get(method.getType())
				.mode(method.getDefaultMode())
				.filter(mode -> allowed.contains(mode.policyMethod()))
				.map(mode -> choice(method, mode))
				.stream())
			.findFirst();
		return stored.isPresent() ? stored : choicesInDefaultOrder(defaultable(registered), allowed).stream().findFirst();
	}

	private Optional<DefaultChoice> nextDefault(List<SecurityMethod> registered, SecurityMethod leaving,
			Set<AuthenticationMethod> allowed) {
		return choicesInDefaultOrder(
				defaultable(registered.stream().filter(method -> !method.getId().equals(leaving.getId())).toList()),
				allowed)
			.stream()
			.findFirst();
	}

	/** The methods that may be the default: not those of a type that signs in only when chosen (recovery codes). */
	private List<SecurityMethod> defaultable(List<SecurityMethod> candidates) {
		return candidates.stream().filter(method -> types.get(method.getType()).canBeDefault()).toList();
	}

	private List<DefaultChoice> choicesInDefaultOrder(List<SecurityMethod> candidates,
			Set<AuthenticationMethod> allowed) {
		return candidates.stream()
			.sorted(Comparator.comparingInt((SecurityMethod method) -> types.get(method.getType()).rank()))
			.flatMap(method -> types.get(method.getType())
				.allowedModes(allowed)
				.stream()
				.map(mode -> choice(method, mode)))
			.toList();
	}

	private boolean isLastTwoStepMethod(List<SecurityMethod> registered, SecurityMethod method,
			Set<AuthenticationMethod> allowed) {
		List<SecurityMethod> others = registered.stream()
			.filter(other -> !other.getId().equals(method.getId()))
			.toList();
		return !choicesInDefaultOrder(List.of(method), allowed).isEmpty()
				&& choicesInDefaultOrder(others, allowed).isEmpty();
	}

	/** A mode that sends a code names where it goes; an app's code comes to no address. */
	private SignInOption option(SecurityMethod method, MethodMode mode) {
		MethodType type = types.get(method.getType());
		if (mode.sendsCode()) {
			String destination = type.codeDestination(method.getDetail());
			return new SignInOption(method.getId(), mode, type.nameKey(), destination,
					type.maskedDetail(method.getDetail()));
		}
		return new SignInOption(method.getId(), mode, type.nameKey(), null, null);
	}

	private SecurityMethod owned(long accountId, long methodId) {
		return methods.findByIdAndAccountId(methodId, accountId).orElseThrow(MethodNotFoundException::new);
	}

	private MethodView view(SecurityMethod method, Set<AuthenticationMethod> allowed, boolean isDefault) {
		MethodType type = types.get(method.getType());
		MethodType.ListedDetail listed = type.listedDetail(method.getDetail());
		return new MethodView(method.getId(), type.id(), type.nameKey(), type.displayDetail(method.getDetail()),
				type.usedFor().labelKey(), isDefault, type.isAllowed(allowed), type.changePath(method.getId()),
				type.removable(), listed.text(), listed.showsAddedDate() ? method.getCreatedAt() : null);
	}

	private DefaultChoice choice(SecurityMethod method, MethodMode mode) {
		MethodType type = types.get(method.getType());
		return new DefaultChoice(method.getId(), mode, type.nameKey(), type.displayDetail(method.getDetail()));
	}

	/**
	 * Tells other modules, which record the change and notify the person once it is committed. One event per thing
	 * the person (or administrator) did: a default that moves along with an added or deleted method is part of that
	 * change.
	 */
	private void publish(long accountId, long actorId, Change change, SecurityInfoChanged.Method method,
			String previousDetail, SecurityInfoChanged.Method newDefault) {
		events.publishEvent(new SecurityInfoChanged(accountId, actorId, change, method, previousDetail, newDefault,
				List.of(), clock.instant(), ClientAddress.current()));
	}

	/**
	 * A change to one of the credentials a method holds when a type keeps several under one method (a person's
	 * passkeys: one more, one renamed, one deleted while others remain): recorded and mailed as a change of the
	 * method, with the credential's name as its detail.
	 * @param previousDetail the name before, for {@link Change#METHOD_CHANGED}; else null
	 */
	@Transactional
	public void publishCredentialChange(long accountId, String typeId, Change change, String detail,
			String previousDetail) {
		MethodType type = types.get(typeId);
		publish(accountId, accountId, change, new SecurityInfoChanged.Method(type.id(), type.nameKey(), null, null,
				type.maskedDetail(detail), type.notifiedDetail(detail)), previousDetail, null);
	}

	/** An authenticator app replaced by a new one: the method stays, its secret changed. */
	@Transactional
	public void publishAppReplaced(long accountId, String typeId) {
		methods.findByAccountIdAndType(accountId, typeId)
			.ifPresent(method -> publish(accountId, accountId, Change.METHOD_REPLACED, told(method, null), null,
					null));
	}

	/** A method as the event tells it: in this mode (or none), its detail masked. */
	private SecurityInfoChanged.Method told(SecurityMethod method, MethodMode mode) {
		MethodType type = types.get(method.getType());
		return new SecurityInfoChanged.Method(type.id(), type.nameKey(), mode, mode == null ? null : mode.labelKey(),
				type.maskedDetail(method.getDetail()), type.notifiedDetail(method.getDetail()));
	}

}
