package io.securityinfo.audit;

import java.time.Clock;
import java.util.Collection;
import java.util.stream.Collectors;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.securityinfo.ClientAddress;
import io.securityinfo.account.AccountCreated;
import io.securityinfo.account.AccountDisabled;
import io.securityinfo.account.AccountEnabled;
import io.securityinfo.account.PasswordChanged;
import io.securityinfo.account.RegistrationRequired;
import io.securityinfo.account.SignInAddressLocked;
import io.securityinfo.account.SignInAttempted;
import io.securityinfo.account.SignInLockLifted;
import io.securityinfo.account.SignInLocked;
import io.securityinfo.groups.GroupChanged;
import io.securityinfo.notification.NotMeReported;
import io.securityinfo.passkey.PasskeyCounterRegressed;
import io.securityinfo.passkey.PasskeySignedIn;
import io.securityinfo.passkey.Passkeys;
import io.securityinfo.passwordreset.PasswordResetStarted;
import io.securityinfo.passwordreset.ResetProofChecked;
import io.securityinfo.policy.MethodPolicy;
import io.securityinfo.policy.MethodPolicyChanged;
import io.securityinfo.policy.PhonePolicyChanged;
import io.securityinfo.policy.PhoneRules;
import io.securityinfo.policy.QuestionAdded;
import io.securityinfo.policy.QuestionPolicyChanged;
import io.securityinfo.policy.RegistrationPolicyChanged;
import io.securityinfo.policy.RegistrationRules;
import io.securityinfo.policy.TwoStepPolicyChanged;
import io.securityinfo.policy.CampaignChanged;
import io.securityinfo.policy.CampaignRules;
import io.securityinfo.policy.SignInPolicyChanged;
import io.securityinfo.policy.SignInRules;
import io.securityinfo.securityinfo.StrongerMethodPostponed;
import io.securityinfo.policy.TwoStepRules;
import io.securityinfo.securityinfo.PhoneSetByAdministrator;
import io.securityinfo.securityinfo.RecoveryCodeUsed;
import io.securityinfo.securityinfo.RegistrationSkipped;
import io.securityinfo.securityinfo.SecurityInfoChanged;
import io.securityinfo.securityinfo.SecurityInfoConfirmed;
import io.securityinfo.securityinfo.TemporaryAccessPassChanged;
import io.securityinfo.securityinfo.TemporaryAccessPassSettingsChanged;
import io.securityinfo.sessions.DeviceSignedOut;
import io.securityinfo.sessions.SignedOutByAdministrator;
import io.securityinfo.sessions.SignedOutEverywhere;
import io.securityinfo.sessions.SignedOutEverywhereElse;
import io.securityinfo.sessions.UserAgents;
import io.securityinfo.totp.AuthenticatorAppCodeChecked;
import io.securityinfo.twostep.SecondFactorChecked;
import io.securityinfo.verification.Channel;
import io.securityinfo.verification.VerificationCodeChecked;
import io.securityinfo.verification.VerificationCodeSent;

/**
 * The only writer of the audit log: it records what the other modules tell by their events, as structured facts
 * ({@link AuditFacts}), from the client address of the request at hand.
 * <p>
 * Each listener runs in the publisher's thread and, for a change, in the change's own transaction (propagation
 * MANDATORY, as the change's publisher has one): the change and its row commit together, and a row that cannot be
 * written rolls the change back. What changes nothing else in the database (a skipped registration, a second factor
 * checked after its code's own transaction) is recorded in a transaction of its own.
 */
@Component
class AuditTrail {

	/**
	 * How the verification channels read as modes: a text, a call, an email (the names the phone and app modes
	 * have, as stored in the audit rows).
	 */
	private static final String TEXT = "TEXT";

	private static final String CALL = "CALL";

	private static final String EMAIL = "EMAIL";

	private static final String APP_CODE = "APP_CODE";

	/** The mode of a sign-in's first step. */
	static final String PASSWORD = "PASSWORD";

	/** The method types of the recovery codes and the Temporary Access Pass, as their rows name them. */
	private static final String RECOVERY_CODES = "RECOVERY_CODES";

	private static final String TEMPORARY_ACCESS_PASS = "TEMPORARY_ACCESS_PASS";

	private final AuditEventRepository events;

	private final Clock clock;

	private final UserAgents userAgents;

	AuditTrail(AuditEventRepository events, Clock clock, UserAgents userAgents) {
		this.events = events;
		this.clock = clock;
		this.userAgents = userAgents;
	}

	// Security info

	/** One row per method changed; a default that moved along with it gets its own row after it. */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(SecurityInfoChanged changed) {
		long actor = changed.actorId();
		long subject = changed.accountId();
		switch (changed.change()) {
			case METHOD_ADDED -> write(actor, subject, AuditAction.METHOD_ADDED, method(changed.method()));
			case METHOD_CHANGED -> write(actor, subject, AuditAction.METHOD_CHANGED,
					method(changed.method()).with(AuditFacts.WAS, changed.previousDetail()));
			case METHOD_REPLACED -> write(actor, subject, AuditAction.AUTHENTICATOR_APP_REPLACED,
					method(changed.method()));
			case METHOD_DELETED -> write(actor, subject, AuditAction.METHOD_DELETED, method(changed.method()));
			case DEFAULT_METHOD_CHANGED -> write(actor, subject, AuditAction.DEFAULT_METHOD_CHANGED,
					method(changed.method()));
			case ALL_METHODS_DELETED -> changed.deleted()
				.forEach(method -> write(actor, subject, AuditAction.METHOD_DELETED, method(method)));
		}
		if (changed.newDefault() != null) {
			write(actor, subject, AuditAction.DEFAULT_METHOD_CHANGED, method(changed.newDefault()));
		}
	}

	/** A number set by an administrator, which waits for the person's code before it is a method. */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(PhoneSetByAdministrator set) {
		write(set.adminId(), set.accountId(), AuditAction.PHONE_SET_BY_ADMIN,
				AuditFacts.method(set.typeId(), null, set.maskedDetail()).with(AuditFacts.REASON, set.reason()));
	}

	@EventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(RegistrationSkipped skipped) {
		own(skipped.accountId(), AuditAction.REGISTRATION_SKIPPED, AuditFacts.none());
	}

	@EventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(SecurityInfoConfirmed confirmed) {
		own(confirmed.accountId(), AuditAction.SECURITY_INFO_CONFIRMED, AuditFacts.none());
	}

	// Codes

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(VerificationCodeSent sent) {
		own(sent.accountId(), AuditAction.CODE_SENT, code(sent.channel(), sent.maskedDestination()));
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(VerificationCodeChecked checked) {
		AuditFacts code = code(checked.channel(), checked.maskedDestination());
		own(checked.accountId(), checked.right() ? AuditAction.CODE_VERIFIED : AuditAction.CODE_FAILED, code);
		if (checked.lockedOut()) {
			own(checked.accountId(), AuditAction.VERIFICATION_LOCKED_OUT, AuditFacts.none());
		}
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(AuthenticatorAppCodeChecked checked) {
		AuditFacts appCode = AuditFacts.method(null, APP_CODE, null);
		own(checked.accountId(), checked.right() ? AuditAction.CODE_VERIFIED : AuditAction.CODE_FAILED, appCode);
		switch (checked.consequence()) {
			case SETUP_ENDED -> own(checked.accountId(), AuditAction.AUTHENTICATOR_APP_SETUP_ENDED, appCode);
			case APP_DISABLED -> own(checked.accountId(), AuditAction.AUTHENTICATOR_APP_DISABLED, appCode);
			case LOCKED_OUT -> own(checked.accountId(), AuditAction.VERIFICATION_LOCKED_OUT, appCode);
			case NONE -> {
			}
		}
	}

	@EventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(SecondFactorChecked checked) {
		AuditAction action = switch (checked.outcome()) {
			case SUCCEEDED -> AuditAction.TWO_STEP_SUCCEEDED;
			case FAILED -> AuditAction.TWO_STEP_FAILED;
			case LOCKED_OUT -> AuditAction.TWO_STEP_LOCKED_OUT;
		};
		own(checked.accountId(), action,
				withBrowser(AuditFacts.method(null, checked.mode().name(), checked.maskedDestination())));
	}

	/** The password step of a sign-in, right or wrong, with the browser it came from. */
	@EventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(SignInAttempted attempted) {
		own(attempted.accountId(), attempted.succeeded() ? AuditAction.SIGN_IN_SUCCEEDED : AuditAction.SIGN_IN_FAILED,
				withBrowser(AuditFacts.method(null, PASSWORD, null)));
	}

	// Passwords and sessions

	/** A change, or a reset; published outside a transaction too (then recorded in one of its own). */
	@EventListener
	@Transactional
	void on(PasswordChanged changed) {
		if (changed.reset()) {
			own(changed.accountId(), AuditAction.PASSWORD_RESET,
					AuditFacts.none().with(AuditFacts.PROVEN, String.join(",", changed.provenTypeIds())));
		}
		else {
			own(changed.accountId(), AuditAction.PASSWORD_CHANGED, AuditFacts.none());
		}
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(PasswordResetStarted started) {
		if (started.refused()) {
			own(started.accountId(), AuditAction.PASSWORD_RESET_LIMITED, AuditFacts.none());
		}
		else {
			own(started.accountId(), AuditAction.PASSWORD_RESET_STARTED,
					AuditFacts.none().with(AuditFacts.METHODS_REQUIRED, started.methodsRequired()));
		}
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(ResetProofChecked checked) {
		// The email type is proven by email alone: its mode would only repeat it.
		String mode = checked.channel() == null || !checked.channel().isPhone() ? null : mode(checked.channel());
		AuditFacts proof = AuditFacts.method(checked.typeId(), mode, null);
		own(checked.accountId(), checked.right() ? AuditAction.PASSWORD_RESET_METHOD_VERIFIED
				: AuditAction.PASSWORD_RESET_ANSWER_FAILED, proof);
		if (checked.resetEnded()) {
			own(checked.accountId(), AuditAction.PASSWORD_RESET_ENDED, AuditFacts.none());
		}
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(SignedOutEverywhere signedOut) {
		own(signedOut.accountId(), AuditAction.SIGNED_OUT_EVERYWHERE,
				AuditFacts.none().with(AuditFacts.SESSIONS, signedOut.sessionsEnded()));
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(DeviceSignedOut signedOut) {
		own(signedOut.accountId(), AuditAction.DEVICE_SIGNED_OUT,
				AuditFacts.none().with(AuditFacts.BROWSER, signedOut.browser()).with(AuditFacts.SYSTEM, signedOut.system()));
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(SignedOutEverywhereElse signedOut) {
		own(signedOut.accountId(), AuditAction.SIGNED_OUT_EVERYWHERE_ELSE,
				AuditFacts.none().with(AuditFacts.SESSIONS, signedOut.sessionsEnded()));
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(SignedOutByAdministrator signedOut) {
		write(signedOut.adminId(), signedOut.accountId(), AuditAction.SIGNED_OUT_EVERYWHERE,
				AuditFacts.none().with(AuditFacts.SESSIONS, signedOut.sessionsEnded()));
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(NotMeReported reported) {
		own(reported.accountId(), AuditAction.NOT_ME_REPORTED,
				AuditFacts.method(reported.typeId(), null, reported.detail())
					.with(AuditFacts.REPORTED, reported.reportedChange())
					.with(AuditFacts.SESSIONS, reported.sessionsEnded()));
	}

	// Accounts and sign-in

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(AccountCreated created) {
		write(created.adminId(), created.accountId(), AuditAction.ACCOUNT_CREATED,
				AuditFacts.target(created.email()).with(AuditFacts.ROLE, created.role().name()));
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(AccountDisabled disabled) {
		write(disabled.adminId(), disabled.accountId(), AuditAction.ACCOUNT_DISABLED,
				AuditFacts.target(disabled.email()));
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(AccountEnabled enabled) {
		write(enabled.adminId(), enabled.accountId(), AuditAction.ACCOUNT_ENABLED, AuditFacts.target(enabled.email()));
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(RegistrationRequired required) {
		write(required.adminId(), required.accountId(), AuditAction.REGISTRATION_REQUIRED,
				AuditFacts.target(required.email()));
	}

	/** No one acted: the app locked the account. */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(SignInLocked locked) {
		write(null, locked.accountId(), AuditAction.SIGN_IN_LOCKED,
				AuditFacts.none()
					.with(AuditFacts.WRONG_PASSWORDS, locked.wrongPasswords())
					.with(AuditFacts.UNTIL, locked.lockedUntil()));
	}

	/** No one acted, and no one account is concerned. */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(SignInAddressLocked locked) {
		write(null, null, AuditAction.SIGN_IN_ADDRESS_LOCKED,
				AuditFacts.target(locked.address())
					.with(AuditFacts.WRONG_PASSWORDS, locked.wrongPasswords())
					.with(AuditFacts.UNTIL, locked.lockedUntil()));
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(SignInLockLifted lifted) {
		write(lifted.adminId(), lifted.accountId(), AuditAction.SIGN_IN_LOCK_LIFTED, AuditFacts.target(lifted.email()));
	}

	// Groups and policies: changes to no one's account

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(GroupChanged changed) {
		AuditAction action = switch (changed.change()) {
			case CREATED -> AuditAction.GROUP_CREATED;
			case DELETED -> AuditAction.GROUP_DELETED;
			case MEMBER_ADDED -> AuditAction.GROUP_MEMBER_ADDED;
			case MEMBER_REMOVED -> AuditAction.GROUP_MEMBER_REMOVED;
		};
		write(changed.adminId(), changed.memberId(), action, AuditFacts.target(changed.groupName()));
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(MethodPolicyChanged changed) {
		MethodPolicy.Setting setting = changed.setting();
		String state = !setting.enabled() ? "OFF" : setting.allUsers() ? "ON_FOR_ALL" : "ON_FOR_GROUPS";
		write(changed.adminId(), null, AuditAction.METHOD_POLICY_CHANGED,
				AuditFacts.none()
					.with(AuditFacts.POLICY_METHOD, setting.method().name())
					.with(AuditFacts.SETTING, state)
					.with(AuditFacts.GROUPS, setting.enabled() && !setting.allUsers() ? sorted(setting.groupIds()) : null));
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(TwoStepPolicyChanged changed) {
		TwoStepRules rules = changed.rules();
		String state = !rules.required() ? "NOT_REQUIRED" : rules.allUsers() ? "REQUIRED_FOR_ALL" : "REQUIRED_FOR_GROUPS";
		write(changed.adminId(), null, AuditAction.TWO_STEP_POLICY_CHANGED,
				AuditFacts.none()
					.with(AuditFacts.SETTING, state)
					.with(AuditFacts.GROUPS, rules.required() && !rules.allUsers() ? sorted(rules.groupIds()) : null));
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(PhonePolicyChanged changed) {
		PhoneRules rules = changed.rules();
		write(changed.adminId(), null, AuditAction.PHONE_POLICY_CHANGED,
				AuditFacts.none()
					.with(AuditFacts.REGIONS, sorted(rules.allowedRegions()))
					.with(AuditFacts.CODE_LIFETIME_MINUTES, rules.codeLifetime().toMinutes())
					.with(AuditFacts.WRONG_CODES, rules.maxWrongAttempts())
					.with(AuditFacts.RESEND_SECONDS, rules.resendCooldown().toSeconds())
					.with(AuditFacts.CODES_PER_NUMBER_HOUR, rules.maxSendsPerNumberPerHour())
					.with(AuditFacts.CODES_PER_PERSON_DAY, rules.maxSendsPerUserPerDay())
					.with(AuditFacts.VOIP, rules.allowVoip()));
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(SignInPolicyChanged changed) {
		SignInRules rules = changed.rules();
		write(changed.adminId(), null, AuditAction.SIGN_IN_POLICY_CHANGED,
				AuditFacts.none()
					.with(AuditFacts.STRONGEST_FIRST, rules.strongestFirst())
					.with(AuditFacts.SETTING,
							rules.phishingResistant() ? "PHISHING_RESISTANT_REQUIRED" : "PHISHING_RESISTANT_OFF")
					.with(AuditFacts.GROUPS, rules.phishingResistant() ? sorted(rules.groupIds()) : null)
					.with(AuditFacts.ADMINISTRATORS, rules.phishingResistant() ? rules.administrators() : null));
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(CampaignChanged changed) {
		CampaignRules rules = changed.rules();
		String state = !rules.enabled() ? "CAMPAIGN_OFF" : rules.allUsers() ? "CAMPAIGN_FOR_ALL" : "CAMPAIGN_FOR_GROUPS";
		write(changed.adminId(), null, AuditAction.CAMPAIGN_CHANGED,
				AuditFacts.none()
					.with(AuditFacts.SETTING, state)
					.with(AuditFacts.GROUPS, rules.enabled() && !rules.allUsers() ? sorted(rules.groupIds()) : null)
					.with(AuditFacts.PROMOTED, rules.promotedType())
					.with(AuditFacts.POSTPONE_DAYS, rules.postponeDays())
					.with(AuditFacts.POSTPONEMENTS, rules.maxPostponements()));
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(StrongerMethodPostponed postponed) {
		own(postponed.accountId(), AuditAction.STRONGER_METHOD_POSTPONED,
				AuditFacts.none()
					.with(AuditFacts.PROMOTED, postponed.promotedType())
					.with(AuditFacts.POSTPONEMENTS, postponed.postponements())
					.with(AuditFacts.ASKED_AGAIN, postponed.until()));
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(RegistrationPolicyChanged changed) {
		RegistrationRules rules = changed.rules();
		write(changed.adminId(), null, AuditAction.REGISTRATION_POLICY_CHANGED,
				AuditFacts.none()
					.with(AuditFacts.REGISTRATION_REQUIRED, rules.requireRegistration())
					.with(AuditFacts.RESET_METHODS, rules.methodsRequiredForReset())
					.with(AuditFacts.RECONFIRM_DAYS, rules.reconfirmDays())
					.with(AuditFacts.SKIP_DAYS, rules.skipDays()));
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(QuestionPolicyChanged changed) {
		write(changed.adminId(), null, AuditAction.QUESTION_POLICY_CHANGED,
				AuditFacts.none()
					.with(AuditFacts.QUESTIONS_REQUIRED, changed.questionsRequired())
					.with(AuditFacts.QUESTIONS_OFFERED, changed.questionsOffered())
					.with(AuditFacts.QUESTIONS_KNOWN, changed.questionsKnown()));
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(QuestionAdded added) {
		write(added.adminId(), null, AuditAction.QUESTION_POLICY_CHANGED,
				AuditFacts.none()
					.with(AuditFacts.QUESTION, added.questionId())
					.with(AuditFacts.QUESTION_TEXT, added.text()));
	}

	// Passkeys

	/** Published outside a transaction (a sign-in), so recorded in one of its own. */
	@EventListener
	@Transactional
	void on(PasskeySignedIn signedIn) {
		own(signedIn.accountId(), AuditAction.PASSKEY_SIGN_IN,
				AuditFacts.method(Passkeys.METHOD_TYPE_ID, null, signedIn.name()));
	}

	/** The refused sign-in's row, kept: the stored counter is kept in the same transaction. */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(PasskeyCounterRegressed regressed) {
		own(regressed.accountId(), AuditAction.PASSKEY_COUNTER_REGRESSED,
				AuditFacts.method(Passkeys.METHOD_TYPE_ID, null, regressed.name()));
	}

	// When the phone is gone

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(RecoveryCodeUsed used) {
		own(used.accountId(), AuditAction.RECOVERY_CODE_USED,
				AuditFacts.method(RECOVERY_CODES, null, null).with(AuditFacts.REMAINING, used.remaining()));
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(TemporaryAccessPassChanged changed) {
		AuditAction action = switch (changed.change()) {
			case CREATED -> AuditAction.TEMPORARY_ACCESS_PASS_CREATED;
			case DELETED -> AuditAction.TEMPORARY_ACCESS_PASS_DELETED;
			case USED -> AuditAction.TEMPORARY_ACCESS_PASS_USED;
		};
		write(changed.actorId(), changed.accountId(), action,
				AuditFacts.method(TEMPORARY_ACCESS_PASS, null, null)
					.with(AuditFacts.UNTIL, changed.endsAt())
					.with(AuditFacts.ONE_TIME, changed.oneTime() ? 1 : 0));
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(TemporaryAccessPassSettingsChanged changed) {
		write(changed.adminId(), null, AuditAction.METHOD_POLICY_CHANGED,
				AuditFacts.method(TEMPORARY_ACCESS_PASS, null, null)
					.with(AuditFacts.PASS_LIFETIME, changed.minLifetimeMinutes() + "-" + changed.maxLifetimeMinutes())
					.with(AuditFacts.PASS_DEFAULT_LIFETIME, changed.defaultLifetimeMinutes())
					.with(AuditFacts.PASS_LENGTH, changed.length())
					.with(AuditFacts.ONE_TIME, changed.oneTime() ? 1 : 0));
	}

	// Writing

	/** What a person did to their own account or security info. */
	private void own(long accountId, AuditAction action, AuditFacts facts) {
		write(accountId, accountId, action, facts);
	}

	/**
	 * One row. A null actor is the app itself; a null subject is a change to no one's account (a policy). Package
	 * private for the tests of the log's pages; no other module writes rows.
	 */
	void write(Long actorAccountId, Long subjectAccountId, AuditAction action, AuditFacts facts) {
		events.save(new AuditEvent(clock.instant(), actorAccountId, subjectAccountId, action, facts,
				ClientAddress.current()));
	}

	/** These facts with the browser and system of the current request's user agent, when it tells them. */
	private AuditFacts withBrowser(AuditFacts facts) {
		String userAgent = null;
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			userAgent = attributes.getRequest().getHeader("User-Agent");
		}
		UserAgents.Browser browser = userAgents.describe(userAgent);
		return facts.with(AuditFacts.BROWSER, browser.name()).with(AuditFacts.SYSTEM, browser.system());
	}

	private static AuditFacts method(SecurityInfoChanged.Method method) {
		return AuditFacts.method(method.typeId(), method.mode() == null ? null : method.mode().name(),
				method.maskedDetail());
	}

	private static AuditFacts code(Channel channel, String maskedDestination) {
		return AuditFacts.method(null, mode(channel), maskedDestination);
	}

	private static String mode(Channel channel) {
		return switch (channel) {
			case SMS -> TEXT;
			case VOICE -> CALL;
			case EMAIL -> EMAIL;
		};
	}

	/** Ids or codes in a stable order, comma-separated. */
	private static <T extends Comparable<T>> String sorted(Collection<T> values) {
		return values.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
	}

}
