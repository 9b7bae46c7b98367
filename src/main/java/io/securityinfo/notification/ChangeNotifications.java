package io.securityinfo.notification;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.securityinfo.account.AccountSummary;
import io.securityinfo.account.Accounts;
import io.securityinfo.account.PasswordChanged;
import io.securityinfo.email.EmailGateway;
import io.securityinfo.AppProperties;
import io.securityinfo.PublicUrl;
import io.securityinfo.passkey.PasskeyCounterRegressed;
import io.securityinfo.passkey.PasskeySignedIn;
import io.securityinfo.securityinfo.PhoneSetByAdministrator;
import io.securityinfo.securityinfo.RecoveryCodeUsed;
import io.securityinfo.securityinfo.SecurityInfoChanged;
import io.securityinfo.securityinfo.TemporaryAccessPassChanged;

/**
 * Tells a person by email that their security info or password changed: what, when, from which address, by whom,
 * and a "This wasn't me" link, in their language ({@link Accounts#languageFor}). The mail goes to the account's own address, the one they sign in with, which none of
 * these changes can touch, so whoever made a change cannot also silence its notice.
 * <p>
 * The mail is written, and its link's row stored, in the change's own transaction (a new one when the change had
 * none), and sent once that transaction has committed, outside any: a change that rolled back sends nothing and
 * leaves no link, a mail that cannot be sent never undoes a change, and no database connection is held while the
 * mail goes out nor a second one taken while the change's is still held (a burst of changes would otherwise empty
 * the pool, as the bench's add-phone flows did). A failed send is logged without the address or the link and counted
 * ({@value #FAILURES}).
 */
@Component
class ChangeNotifications {

	static final String SENT = "securityinfo.notifications.sent";

	static final String FAILURES = "securityinfo.notifications.failures";

	private static final Logger log = LoggerFactory.getLogger(ChangeNotifications.class);

	private final Accounts accounts;

	private final NotMeLinks links;

	private final EmailGateway email;

	private final MessageSource messages;

	private final PublicUrl publicUrl;

	private final MeterRegistry meters;

	ChangeNotifications(Accounts accounts, NotMeLinks links, EmailGateway email, MessageSource messages,
			PublicUrl publicUrl, MeterRegistry meters) {
		this.accounts = accounts;
		this.links = links;
		this.email = email;
		this.messages = messages;
		this.publicUrl = publicUrl;
		this.meters = meters;
	}

	@EventListener
	@Transactional
	void on(SecurityInfoChanged changed) {
		SecurityInfoChanged.Method method = changed.method();
		String by = changed.byAdministrator() ? "notification.by.administrator" : "notification.by.self";
		String changeMade = changed.change() + (method == null ? "" : " " + method.typeId())
				+ (method == null || method.notifiedDetail() == null ? "" : " " + method.notifiedDetail());
		send(changed.accountId(), "notification.subject.security-info", "notification.intro.security-info",
				locale -> what(changed, locale), changed.occurredAt(), changed.clientIp(), by, changeMade);
	}

	/** A number an administrator set, which the person is to confirm on Security info (or report). */
	@EventListener
	@Transactional
	void on(PhoneSetByAdministrator set) {
		send(set.accountId(), "notification.subject.phone-set", "notification.intro.phone-set",
				locale -> message("notification.change.PHONE_SET_BY_ADMIN", locale,
						messages.getMessage(set.nameKey(), null, locale), set.notifiedDetail(), set.reason()),
				set.occurredAt(), set.clientIp(), "notification.by.administrator",
				"PHONE_SET_BY_ADMIN " + set.typeId() + " " + set.notifiedDetail());
	}

	/** Published by a signed-in change and by a reset; outside a transaction too, whoever publishes it. */
	@EventListener
	@Transactional
	void on(PasswordChanged changed) {
		String what = changed.reset() ? "notification.change.PASSWORD_RESET" : "notification.change.PASSWORD_CHANGED";
		String by = changed.reset() ? "notification.by.reset" : "notification.by.self";
		send(changed.accountId(), "notification.subject.password", "notification.intro.password",
				locale -> message(what, locale), changed.occurredAt(), changed.clientIp(), by,
				changed.reset() ? "PASSWORD_RESET" : "PASSWORD_CHANGED");
	}

	/** A recovery code used at sign-in or before a change: how many are left. */
	@EventListener
	@Transactional
	void on(RecoveryCodeUsed used) {
		send(used.accountId(), "notification.subject.recovery-code", "notification.intro.recovery-code",
				locale -> message("notification.change.RECOVERY_CODE_USED", locale, used.remaining()),
				used.occurredAt(), used.clientIp(), "notification.by.self", "RECOVERY_CODE_USED");
	}

	/**
	 * "An administrator created a Temporary Access Pass for you": from when until when, once or more; never the pass
	 * itself, which the administrator hands over.
	 */
	@EventListener
	@Transactional
	void on(TemporaryAccessPassChanged changed) {
		if (changed.change() != TemporaryAccessPassChanged.Change.CREATED) {
			return;
		}
		send(changed.accountId(), "notification.subject.temporary-access-pass",
				"notification.intro.temporary-access-pass",
				locale -> message(changed.oneTime() ? "notification.change.TEMPORARY_ACCESS_PASS_CREATED.one-time"
						: "notification.change.TEMPORARY_ACCESS_PASS_CREATED", locale,
						when(changed.startsAt(), locale), when(changed.endsAt(), locale)),
				changed.occurredAt(), changed.clientIp(), "notification.by.administrator",
				"TEMPORARY_ACCESS_PASS_CREATED");
	}

	/**
	 * A sign-in with a passkey, told like a change: a passkey signs in on its own, so a person should hear of each
	 * use they did not make. Published outside a transaction, so sent from one of its own.
	 */
	@EventListener
	@Transactional
	void on(PasskeySignedIn signedIn) {
		String name = signedIn.name() == null ? "" : signedIn.name();
		send(signedIn.accountId(), "notification.subject.passkey-sign-in", "notification.intro.passkey-sign-in",
				locale -> message("notification.change.PASSKEY_SIGN_IN", locale, name), signedIn.occurredAt(),
				signedIn.clientIp(), "notification.by.self", "PASSKEY_SIGN_IN");
	}

	/** A passkey refused as possibly cloned: the person should know that someone may hold a copy. */
	@EventListener
	@Transactional
	void on(PasskeyCounterRegressed regressed) {
		String name = regressed.name() == null ? "" : regressed.name();
		send(regressed.accountId(), "notification.subject.passkey-cloned", "notification.intro.passkey-cloned",
				locale -> message("notification.change.PASSKEY_COUNTER_REGRESSED", locale, name),
				regressed.occurredAt(), regressed.clientIp(), "notification.by.unknown", "PASSKEY_COUNTER_REGRESSED");
	}

	/**
	 * "Phone added: +31 6 •••• ••78", "Authenticator app added": the change in the reader's words. A method without a
	 * detail worth telling takes the message's ".bare" form; a type whose detail is a number of something has a
	 * pattern of its own ({@code notification.detail.SECURITY_QUESTIONS}).
	 */
	private String what(SecurityInfoChanged changed, Locale locale) {
		String key = "notification.change." + changed.change();
		SecurityInfoChanged.Method method = changed.method();
		if (method == null) {
			return messages.getMessage(key, null, locale);
		}
		String name = messages.getMessage(method.nameKey(), null, locale);
		String mode = method.modeKey() == null ? "" : messages.getMessage(method.modeKey(), null, locale);
		if (method.notifiedDetail() == null) {
			return messages.getMessage(key + ".bare", new Object[] { name, mode }, locale).strip();
		}
		String countKey = "notification.detail." + method.typeId();
		String counted = messages.getMessage(countKey, new Object[] { numberOrText(method.notifiedDetail()) }, null,
				locale);
		String detail = counted == null ? method.notifiedDetail() : counted;
		return messages.getMessage(key, new Object[] { name, detail, mode }, locale).strip();
	}

	/** A detail that is a count goes to its pattern as a number, for the pattern's singular and plural. */
	private static Object numberOrText(String detail) {
		return detail.matches("[0-9]{1,9}") ? (Object) Integer.valueOf(detail) : detail;
	}

	private void send(long accountId, String subjectKey, String introKey, Function<Locale, String> what,
			Instant occurredAt, String clientIp, String byKey, String changeMade) {
		Optional<AccountSummary> found = accounts.find(accountId);
		if (found.isEmpty()) {
			return;
		}
		AccountSummary account = found.get();
		Locale locale = accounts.languageFor(accountId).locale();
		NotMeLinks.Issued link = links.issue(accountId, changeMade);
		String from = clientIp == null ? messages.getMessage("notification.from.unknown", null, locale) : clientIp;
		List<String> lines = new ArrayList<>();
		lines.add(message("notification.greeting", locale, account.displayName()));
		lines.add("");
		lines.add(message(introKey, locale, account.email()));
		lines.add("");
		lines.add(message("notification.what", locale, what.apply(locale)));
		lines.add(message("notification.when", locale, when(occurredAt, locale)));
		lines.add(message("notification.from", locale, from));
		lines.add(message(byKey, locale));
		lines.add("");
		lines.add(message("notification.if-you", locale));
		lines.add("");
		lines.add(message("notification.not-me", locale));
		lines.add(notMeUrl(link.token()));
		lines.add(message("notification.not-me.lifetime", locale, when(link.expiresAt(), locale)));
		lines.add("");
		lines.add(message("notification.signature", locale));
		String to = account.email();
		String subject = message(subjectKey, locale);
		String body = String.join("\n", lines);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				deliver(accountId, to, subject, body);
			}
		});
	}

	private void deliver(long accountId, String to, String subject, String body) {
		try {
			email.send(to, subject, body);
			meters.counter(SENT).increment();
		}
		catch (RuntimeException ex) {
			// The change is committed and stays; the exception's message may name the address, so only its type.
			meters.counter(FAILURES).increment();
			log.warn("The notification of a change to account {} could not be sent: {}", accountId,
					ex.getClass().getSimpleName());
		}
	}

	private String notMeUrl(String token) {
		return publicUrl.base() + "/not-me/" + token;
	}

	/** In UTC, as the pages show times, in the recipient's language's format. */
	private String when(Instant instant, Locale locale) {
		DateTimeFormatter format = DateTimeFormatter.ofPattern(message("format.date-time", locale), locale)
			.withZone(ZoneOffset.UTC);
		return format.format(instant) + " UTC";
	}

	private String message(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}

}
