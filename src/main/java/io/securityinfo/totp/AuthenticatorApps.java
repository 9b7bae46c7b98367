package io.securityinfo.totp;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.apache.commons.codec.binary.Base32;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriUtils;

import io.securityinfo.totp.AuthenticatorAppCodeChecked.Consequence;

/**
 * Authenticator apps (TOTP, RFC 6238): setting one up, and checking its codes. A set-up shows a new secret and
 * keeps it, encrypted, until a code from the app proves the person saved it; only then is the secret kept with the
 * registered method. All state is in the database, so it holds across restarts and app instances.
 */
@Service
public class AuthenticatorApps {

	/** Wrong codes that end a set-up, and wrong codes in a row that lock a registered app for a while. */
	static final int MAX_WRONG_CODES = 5;

	/**
	 * Wrong codes since the last accepted one, locks included, that disable a registered app until it is set up
	 * again: with a lock every {@value #MAX_WRONG_CODES}, guessing ends after 100 codes instead of going on at
	 * 480 a day.
	 */
	static final int MAX_WRONG_CODES_BEFORE_DISABLED = 100;

	/** How long a registered app refuses codes after too many wrong ones. */
	static final Duration LOCKOUT = Duration.ofMinutes(15);

	/** 160 bits: the length RFC 4226 recommends for an HMAC-SHA1 secret. */
	private static final int SECRET_BYTES = 20;

	/** A set-up has accepted no code yet: any step of the window will do. */
	private static final long NO_STEP_YET = Long.MIN_VALUE;

	/**
	 * The id of the method type whose secrets these are, which the audit log names as what a code was for; the
	 * method type (securityinfo's AuthenticatorAppMethodType) takes its id from here, so that it is written once.
	 */
	public static final String METHOD_TYPE_ID = "AUTHENTICATOR_APP";

	private final EnrolmentRepository enrolments;

	private final AuthenticatorAppRepository apps;

	private final SecretCipher cipher;

	private final TotpCodes codes;

	private final QrCodes qrCodes;

	private final TotpProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	private final Base32 base32 = new Base32();

	AuthenticatorApps(EnrolmentRepository enrolments, AuthenticatorAppRepository apps, SecretCipher cipher,
			TotpCodes codes, QrCodes qrCodes, TotpProperties properties, ApplicationEventPublisher events,
			Clock clock) {
		this.enrolments = enrolments;
		this.apps = apps;
		this.cipher = cipher;
		this.codes = codes;
		this.qrCodes = qrCodes;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	/** Starts setting up an app with a new secret; an unfinished earlier set-up of this person ends. */
	@Transactional
	public EnrolmentView start(long accountId) {
		Instant now = clock.instant();
		enrolments.deleteUnfinished(accountId);
		byte[] secret = new byte[SECRET_BYTES];
		random.nextBytes(secret);
		Enrolment enrolment = enrolments.save(new Enrolment(UUID.randomUUID().toString(), accountId,
				cipher.encrypt(secret, accountId), now, now.plus(properties.enrolmentLifetime())));
		return view(enrolment, now);
	}

	/**
	 * @throws EnrolmentNotFoundException when this person has no such set-up
	 */
	@Transactional(readOnly = true)
	public EnrolmentView get(long accountId, String enrolmentId) {
		return view(owned(accountId, enrolmentId), clock.instant());
	}

	/**
	 * The QR code of an open set-up, as a PNG image: the secret as a Key URI ({@code otpauth://totp/...}) that apps
	 * read.
	 * @throws EnrolmentNotFoundException when this person has no such set-up open
	 */
	@Transactional(readOnly = true)
	public byte[] qrCode(long accountId, String enrolmentId, String accountName) {
		EnrolmentView enrolment = get(accountId, enrolmentId);
		if (enrolment.state() != EnrolmentView.State.OPEN) {
			throw new EnrolmentNotFoundException();
		}
		return qrCodes.png(keyUri(enrolment.secret(), accountName));
	}

	/** The name the app shows for the account, as the QR code sets it. */
	/** The name the app shows above the account ({@code app.totp.issuer}). */
	public String issuer() {
		return properties.issuer();
	}

	public String accountLabel(String accountName) {
		return properties.issuer() + ":" + accountName;
	}

	/**
	 * The Key URI of a secret. Some apps read the issuer from the label, others from the parameter: it is in both.
	 * Algorithm, digits and period are the defaults, written out for apps that do not assume them.
	 */
	String keyUri(String secret, String accountName) {
		String issuer = UriUtils.encode(properties.issuer(), StandardCharsets.UTF_8);
		return "otpauth://totp/" + issuer + ":" + UriUtils.encode(accountName, StandardCharsets.UTF_8) + "?secret="
				+ secret + "&issuer=" + issuer + "&algorithm=SHA1&digits=" + TotpCodes.DIGITS + "&period="
				+ TotpCodes.TIME_STEP.toSeconds();
	}

	/**
	 * Checks the first code of a set-up. Run it in the transaction that registers what the code proves, then
	 * {@link #keep} the secret with the registered method.
	 * @throws EnrolmentNotFoundException when this person has no such set-up
	 */
	@Transactional
	public EnrolmentResult confirm(long accountId, String enrolmentId, String code) {
		Instant now = clock.instant();
		Enrolment enrolment = owned(accountId, enrolmentId);
		if (enrolment.getStatus() != Enrolment.Status.OPEN) {
			return resultOfClosed(enrolment);
		}
		if (enrolment.isExpiredAt(now)) {
			return new EnrolmentResult.Expired();
		}
		TotpCodes.Match match = codes.match(cipher.decrypt(enrolment.getEncryptedSecret(), accountId), digits(code),
				now, NO_STEP_YET);
		if (match.matched()) {
			if (enrolments.markConfirmed(enrolmentId, match.step(), now) == 0) {
				return resultOfClosed(owned(accountId, enrolmentId));
			}
			checked(accountId, true, Consequence.NONE);
			return new EnrolmentResult.Confirmed();
		}
		if (enrolments.countWrongAttempt(enrolmentId, MAX_WRONG_CODES) == 0) {
			return resultOfClosed(owned(accountId, enrolmentId));
		}
		Enrolment counted = owned(accountId, enrolmentId);
		boolean ended = counted.getStatus() == Enrolment.Status.ENDED;
		checked(accountId, false, ended ? Consequence.SETUP_ENDED : Consequence.NONE);
		if (ended) {
			return new EnrolmentResult.Ended();
		}
		return new EnrolmentResult.Wrong(MAX_WRONG_CODES - counted.getWrongAttempts());
	}

	/**
	 * Keeps the secret of a just confirmed set-up with the method registered for it, in place of an earlier app's
	 * secret when the method had one; the set-up's copy is erased. The code that confirmed the set-up counts as
	 * used: it is not accepted again.
	 * @throws IllegalStateException when the set-up is not confirmed, or its secret was kept already
	 */
	@Transactional
	public void keep(long accountId, String enrolmentId, long methodId) {
		Enrolment enrolment = owned(accountId, enrolmentId);
		if (enrolment.getStatus() != Enrolment.Status.CONFIRMED || enrolment.isKept()) {
			throw new IllegalStateException("Only the secret of a confirmed set-up can be kept, and only once");
		}
		AuthenticatorApp app = apps.findByMethodIdAndAccountId(methodId, accountId)
			.orElseGet(() -> new AuthenticatorApp(methodId, accountId));
		app.replaceSecret(enrolment.getEncryptedSecret(), enrolment.getAcceptedStep(), clock.instant());
		apps.save(app);
		enrolment.forgetSecret();
	}

	/**
	 * Checks a code of a registered app, as signing in with it will. A code is accepted once at most;
	 * {@value #MAX_WRONG_CODES} wrong codes in a row lock the app for {@link #LOCKOUT}, and
	 * {@value #MAX_WRONG_CODES_BEFORE_DISABLED} wrong codes since the last accepted one, locks included, disable it
	 * until it is set up again (NIST SP 800-63B allows at most 100). These wrong codes are counted apart from those
	 * of texts and calls.
	 * <p>
	 * The app's row is locked first, so that codes typed at once are checked one after the other, each on what the
	 * one before left: none is checked once the app is locked, and a code is accepted once.
	 * @throws IllegalArgumentException when this person has no app registered as this method
	 */
	@Transactional
	public AppCodeCheck verify(long accountId, long methodId, String code) {
		Instant now = clock.instant();
		AuthenticatorApp app = apps.findForUpdate(methodId, accountId)
			.orElseThrow(() -> new IllegalArgumentException("No authenticator app for method " + methodId));
		if (app.isDisabled()) {
			return AppCodeCheck.DISABLED;
		}
		if (app.isLockedAt(now)) {
			return AppCodeCheck.LOCKED_OUT;
		}
		TotpCodes.Match match = codes.match(cipher.decrypt(app.getEncryptedSecret(), accountId), digits(code), now,
				app.getLastAcceptedStep());
		if (match.isNewerThan(app.getLastAcceptedStep())) {
			if (!app.accept(match.step(), now)) {
				return AppCodeCheck.ALREADY_USED;
			}
			checked(accountId, true, Consequence.NONE);
			return AppCodeCheck.ACCEPTED;
		}
		if (match.matched()) {
			return AppCodeCheck.ALREADY_USED;
		}
		app.countFailure(MAX_WRONG_CODES, LOCKOUT, MAX_WRONG_CODES_BEFORE_DISABLED, now);
		AppCodeCheck check = app.isDisabled() ? AppCodeCheck.DISABLED
				: app.isLockedAt(now) ? AppCodeCheck.LOCKED_OUT : AppCodeCheck.WRONG;
		checked(accountId, false, switch (check) {
			case DISABLED -> Consequence.APP_DISABLED;
			case LOCKED_OUT -> Consequence.LOCKED_OUT;
			default -> Consequence.NONE;
		});
		return check;
	}

	private void checked(long accountId, boolean right, Consequence consequence) {
		events.publishEvent(new AuthenticatorAppCodeChecked(accountId, right, consequence));
	}

	private static EnrolmentResult resultOfClosed(Enrolment enrolment) {
		return enrolment.getStatus() == Enrolment.Status.CONFIRMED ? new EnrolmentResult.AlreadyConfirmed()
				: new EnrolmentResult.Ended();
	}

	/** Apps show codes as "123 456"; people type them either way. */
	private static String digits(String code) {
		return code == null ? "" : code.replaceAll("\\s", "");
	}

	private EnrolmentView view(Enrolment enrolment, Instant now) {
		EnrolmentView.State state = switch (enrolment.getStatus()) {
			case CONFIRMED -> EnrolmentView.State.CONFIRMED;
			case ENDED -> EnrolmentView.State.ENDED;
			case OPEN -> enrolment.isExpiredAt(now) ? EnrolmentView.State.EXPIRED : EnrolmentView.State.OPEN;
		};
		String secret = state == EnrolmentView.State.OPEN
				? base32.encodeAsString(cipher.decrypt(enrolment.getEncryptedSecret(), enrolment.getAccountId()))
				: null;
		return new EnrolmentView(enrolment.getId(), state, secret);
	}

	private Enrolment owned(long accountId, String enrolmentId) {
		return enrolments.findByIdAndAccountId(enrolmentId, accountId)
			.orElseThrow(EnrolmentNotFoundException::new);
	}

}
