package io.securityinfo.securityinfo.campaign;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.securityinfo.account.SignInStep;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.policy.CampaignRules;
import io.securityinfo.policy.RegistrationCampaign;
import io.securityinfo.securityinfo.MethodType;
import io.securityinfo.securityinfo.MethodTypes;
import io.securityinfo.securityinfo.SecurityInfo;
import io.securityinfo.securityinfo.SignInOption;
import io.securityinfo.securityinfo.StrongerMethodPostponed;

/**
 * "Nudge people to add a stronger method": after sign-in, a person the campaign targets whose strongest sign-in
 * method sends its code by text or call, and who has no method of the type it promotes, sees a page that explains
 * why and offers to add it now. "Not now" puts it off for the campaign's days (0: until the next sign-in) and is
 * counted (V20, {@code campaign_postponement}); once a person has put it off as often as the campaign allows, adding
 * it is required: the page no longer offers "Not now" and holds them until they add it.
 */
@Component
@Order(20)
class StrongerMethodCampaign implements SignInStep {

	static final String PAGE = "/security-info/interrupt/stronger-method";

	/** Set when the person said "Not now" in this session, so that a postponement of 0 days lasts the session. */
	private static final String POSTPONED_ATTRIBUTE = StrongerMethodCampaign.class.getName() + ".postponed";

	enum Kind {

		NONE, OFFER, REQUIRED

	}

	/**
	 * What the campaign asks of a person now.
	 *
	 * @param promoted the type it promotes; null when it asks nothing
	 * @param postponementsLeft how many more times "Not now" is allowed
	 */
	record Nudge(Kind kind, MethodType promoted, int postponementsLeft, int postponeDays) {

		static final Nudge NONE = new Nudge(Kind.NONE, null, 0, 0);

	}

	private final RegistrationCampaign campaign;

	private final SecurityInfo securityInfo;

	private final MethodTypes types;

	private final PostponementRepository postponements;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	StrongerMethodCampaign(RegistrationCampaign campaign, SecurityInfo securityInfo, MethodTypes types,
			PostponementRepository postponements, ApplicationEventPublisher events, Clock clock) {
		this.campaign = campaign;
		this.securityInfo = securityInfo;
		this.types = types;
		this.postponements = postponements;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The types a campaign may promote: those whose methods sign in without a code sent over the phone network (a
	 * passkey, an authenticator app) and that a person adds to sign in with (not recovery codes, a backup, nor a
	 * Temporary Access Pass, which an administrator hands out), strongest first.
	 */
	List<MethodType> promotableTypes() {
		return types.all()
			.stream()
			.filter(type -> type.canBeDefault() && type.addPath() != null)
			.filter(type -> type.signInModes().stream().anyMatch(mode -> !mode.sendsCode()))
			.sorted(java.util.Comparator.comparingInt(MethodType::strength))
			.toList();
	}

	/** The type the campaign promotes until an administrator picks one: the strongest there is. */
	String defaultPromotedType() {
		return promotableTypes().get(0).id();
	}

	CampaignRules rules() {
		return campaign.current(defaultPromotedType());
	}

	@Override
	public Optional<String> pendingPage(SignedInUser user, HttpSession session) {
		Nudge nudge = decide(user.id());
		if (nudge.kind() == Kind.OFFER && session.getAttribute(POSTPONED_ATTRIBUTE) != null) {
			return Optional.empty();
		}
		return nudge.kind() == Kind.NONE ? Optional.empty() : Optional.of(PAGE);
	}

	/** The campaign's own page and every "Add" flow: the promoted type's, and any other the person picks. */
	@Override
	public boolean allows(String path) {
		return path.startsWith(PAGE) || path.equals("/security-info/add")
				|| types.all().stream().anyMatch(type -> type.addPath() != null && path.startsWith(type.addPath()));
	}

	@Transactional(readOnly = true)
	Nudge decide(long accountId) {
		if (!campaign.targets(accountId)) {
			return Nudge.NONE;
		}
		CampaignRules rules = rules();
		Optional<MethodType> promoted = types.all()
			.stream()
			.filter(type -> type.id().equals(rules.promotedType()))
			.findFirst();
		if (promoted.isEmpty() || securityInfo.hasMethodOfType(accountId, rules.promotedType())
				|| !securityInfo.isAllowed(accountId, rules.promotedType())) {
			return Nudge.NONE;
		}
		Optional<SignInOption> strongest = securityInfo.strongestOption(accountId);
		if (strongest.isEmpty() || !strongest.get().mode().sendsCode()) {
			// No sign-in method yet (the registration interrupt asks for one), or already one stronger than a code.
			return Nudge.NONE;
		}
		Optional<Postponement> postponed = postponements
			.findById(new Postponement.Key(accountId, rules.promotedType()));
		int count = postponed.map(Postponement::getPostponements).orElse(0);
		if (count >= rules.maxPostponements()) {
			return new Nudge(Kind.REQUIRED, promoted.get(), 0, rules.postponeDays());
		}
		if (postponed.isPresent() && clock.instant().isBefore(postponed.get().getPostponedUntil())) {
			return Nudge.NONE;
		}
		return new Nudge(Kind.OFFER, promoted.get(), rules.maxPostponements() - count, rules.postponeDays());
	}

	/**
	 * "Not now": counts a postponement and lets the person go on, for the campaign's days (0: the rest of this
	 * session); refused (false) once adding the method is required.
	 */
	@Transactional
	boolean postpone(long accountId, HttpSession session) {
		Nudge nudge = decide(accountId);
		if (nudge.kind() != Kind.OFFER) {
			return nudge.kind() == Kind.NONE;
		}
		Instant now = clock.instant();
		Postponement postponement = postponements.findById(new Postponement.Key(accountId, nudge.promoted().id()))
			.orElseGet(() -> new Postponement(accountId, nudge.promoted().id(), now));
		Instant until = now.plus(Duration.ofDays(nudge.postponeDays()));
		postponement.postpone(until);
		postponements.save(postponement);
		session.setAttribute(POSTPONED_ATTRIBUTE, Boolean.TRUE);
		events.publishEvent(new StrongerMethodPostponed(accountId, nudge.promoted().id(),
				postponement.getPostponements(), until));
		return true;
	}

}
