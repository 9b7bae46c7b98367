package io.securityinfo.securityinfo.recoverycodes;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.securityinfo.ClientAddress;
import io.securityinfo.securityinfo.MethodNotAllowedException;
import io.securityinfo.securityinfo.RecoveryCodeCheck;
import io.securityinfo.securityinfo.RecoveryCodeUsed;
import io.securityinfo.securityinfo.SecurityInfo;

/**
 * A person's recovery codes (NIST SP 800-63B look-up secrets): made ten at a time from a {@link SecureRandom}, each
 * 50 bits (ten characters of Crockford's base 32, shown as {@code xxxxx-xxxxx}), kept only as hashes of the app's
 * {@link PasswordEncoder}, and each usable once: a conditional UPDATE marks it used, so of parallel requests with the
 * same code exactly one wins. A new set replaces the old one in the same transaction.
 */
@Service
class RecoveryCodes implements RecoveryCodeCheck {

	static final int SET_SIZE = 10;

	static final int CODE_LENGTH = 10;

	/** How few codes left the page warns at. */
	static final int FEW_LEFT = 2;

	/** Crockford's base 32: no I, L, O or U to misread. */
	private static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder;

	private final SecurityInfo securityInfo;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	RecoveryCodes(JdbcClient jdbc, PasswordEncoder encoder, SecurityInfo securityInfo,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.securityInfo = securityInfo;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Makes a new set, ending the old one: the method is added the first time (audited and mailed as any method) and
	 * changed after. Answers the codes, to be shown once; only their hashes stay.
	 */
	@Transactional
	List<String> generate(long accountId) {
		if (!securityInfo.isAllowed(accountId, RecoveryCodesMethodType.ID)) {
			throw new MethodNotAllowedException();
		}
		String madeAt = clock.instant().toString();
		if (securityInfo.hasMethodOfType(accountId, RecoveryCodesMethodType.ID)) {
			securityInfo.changeDetail(accountId, RecoveryCodesMethodType.ID, madeAt);
		}
		else {
			securityInfo.register(accountId, RecoveryCodesMethodType.ID, madeAt, RecoveryCodesMethodType.RECOVERY_CODE);
		}
		long methodId = securityInfo.methodIdOfType(accountId, RecoveryCodesMethodType.ID).orElseThrow();
		jdbc.sql("delete from recovery_code where method_id = ?").param(methodId).update();
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < SET_SIZE; i++) {
			String code = newCode();
			codes.add(code);
			jdbc.sql("insert into recovery_code (method_id, code_hash) values (?, ?)")
				.params(methodId, encoder.encode(normalize(code)))
				.update();
		}
		return codes;
	}

	/** How many of the person's codes are still unused; 0 without a set. */
	@Transactional(readOnly = true)
	int remaining(long accountId) {
		return jdbc.sql("""
				select count(*) from recovery_code c join security_method m on m.id = c.method_id
				where m.account_id = ? and m.type = ? and c.used_at is null""")
			.params(accountId, RecoveryCodesMethodType.ID)
			.query(Integer.class)
			.single();
	}

	@Override
	public boolean checks(String modeName) {
		return RecoveryCodesMethodType.RECOVERY_CODE.name().equals(modeName);
	}

	@Override
	public boolean isWellFormed(String typed) {
		return typed != null && normalize(typed).matches("[" + ALPHABET + "]{" + CODE_LENGTH + "}");
	}

	@Override
	@Transactional
	public boolean use(long accountId, String typed) {
		if (!isWellFormed(typed)) {
			return false;
		}
		String normalized = normalize(typed);
		List<UnusedCode> unused = jdbc.sql("""
				select c.id, c.code_hash from recovery_code c join security_method m on m.id = c.method_id
				where m.account_id = ? and m.type = ? and c.used_at is null order by c.id""")
			.params(accountId, RecoveryCodesMethodType.ID)
			.query((row, index) -> new UnusedCode(row.getLong("id"), row.getString("code_hash")))
			.list();
		for (UnusedCode code : unused) {
			if (encoder.matches(normalized, code.hash())) {
				Instant now = clock.instant();
				int won = jdbc.sql("update recovery_code set used_at = ? where id = ? and used_at is null")
					.params(OffsetDateTime.ofInstant(now, ZoneOffset.UTC), code.id())
					.update();
				if (won == 0) {
					// Another request used this very code a moment ago.
					return false;
				}
				events.publishEvent(new RecoveryCodeUsed(accountId, unused.size() - 1, now, ClientAddress.current()));
				return true;
			}
		}
		return false;
	}

	/** "k7m2q-9xw4h": ten characters, grouped for reading aloud and typing. */
	private String newCode() {
		StringBuilder code = new StringBuilder(CODE_LENGTH + 1);
		for (int i = 0; i < CODE_LENGTH; i++) {
			if (i == CODE_LENGTH / 2) {
				code.append('-');
			}
			code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

	/**
	 * As typed: without spaces and hyphens, in lower case, with the letters Crockford's base 32 reads as digits
	 * (I and L as 1, O as 0).
	 */
	static String normalize(String typed) {
		return typed.replaceAll("[\\s-]", "")
			.toLowerCase(Locale.ROOT)
			.replace('i', '1')
			.replace('l', '1')
			.replace('o', '0');
	}

	private record UnusedCode(long id, String hash) {
	}

}
