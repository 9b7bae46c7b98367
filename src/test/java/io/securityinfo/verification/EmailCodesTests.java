package io.securityinfo.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.securityinfo.AppTest;
import io.securityinfo.account.Accounts;
import io.securityinfo.account.TestAccounts;
import io.securityinfo.email.CapturingEmailGateway;
import io.securityinfo.email.CapturingEmailGateway.Sent;
import io.securityinfo.email.EmailDeliveryException;
import io.securityinfo.policy.PhonePolicy;
import io.securityinfo.policy.PhoneRules;
import io.securityinfo.sms.CapturingSmsGateway;
import io.securityinfo.system.TestClock;

/**
 * Codes by email: the same machinery, limits and ledger as codes by text, with the email gateway as the channel and
 * an address as the destination.
 */
@AppTest
class EmailCodesTests {

	/** Addresses of this class only: the per-address limit counts every account's sends in the shared database. */
	private static final AtomicInteger addresses = new AtomicInteger();

	@Autowired
	VerificationCodes codes;

	@Autowired
	CapturingEmailGateway email;

	@Autowired
	CapturingSmsGateway sms;

	@Autowired
	Accounts accounts;

	@Autowired
	UserDetailsService users;

	@Autowired
	PhonePolicy phonePolicy;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcTemplate jdbc;

	long account;

	@BeforeEach
	void newAccount() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		account = newAccountId();
	}

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void startWhenChannelIsEmailThenMailsTheCodeWithSubjectAndNoTextOrCall() {
		String address = nextAddress();
		int textsAndCallsBefore = sms.sent().size();

		ChallengeView challenge = codes.start(account, Channel.EMAIL, address);

		List<Sent> sent = email.sentTo(address);
		assertThat(sent).singleElement().satisfies(mail -> {
			String code = email.lastCodeTo(address);
			assertThat(mail.subject()).isEqualTo("Your Security info verification code");
			assertThat(mail.body())
				.isEqualTo("Your Security info verification code is " + code + ". Don't share it with anyone.");
		});
		assertThat(sms.sent()).hasSize(textsAndCallsBefore);
		assertThat(challenge.channel()).isEqualTo(Channel.EMAIL);
		assertThat(challenge.destination()).isEqualTo(address);
		assertThat(challenge.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
	}

	@Test
	void checkWhenEmailedCodeIsTypedThenVerifiedWithTheAddress() {
		String address = nextAddress();
		ChallengeView challenge = codes.start(account, Channel.EMAIL, address);

		assertThat(codes.check(account, challenge.id(), email.lastCodeTo(address)))
			.isEqualTo(new CheckResult.Verified(address, Channel.EMAIL));
	}

	@Test
	void startWhenAddressIsAsLongAsAnAddressMayBeThenItIsStored() {
		String address = "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(50)
				+ addresses.incrementAndGet() + ".org";

		ChallengeView challenge = codes.start(account, Channel.EMAIL, address);

		assertThat(jdbc.queryForObject("select destination from verification_challenge where id = ?", String.class,
				challenge.id()))
			.isEqualTo(address);
		assertThat(jdbc.queryForObject("select destination from verification_code where challenge_id = ?",
				String.class, challenge.id()))
			.isEqualTo(address);
	}

	@Test
	void startWhenPolicyAllowsTextsToOneRegionOnlyThenEmailIsStillSent() {
		PhoneRules before = phonePolicy.current();
		phonePolicy.save(account, new PhoneRules(Set.of("NL"), before.codeLifetime(), before.maxWrongAttempts(),
				before.resendCooldown(), before.maxSendsPerNumberPerHour(), before.maxSendsPerUserPerDay()));
		try {
			String address = nextAddress();

			ChallengeView challenge = codes.start(account, Channel.EMAIL, address);
			clock.advance(before.resendCooldown());
			codes.resend(account, challenge.id());

			assertThat(email.sentTo(address)).hasSize(2);
			assertThatExceptionOfType(VerificationRefusedException.class)
				.isThrownBy(() -> codes.start(account, Channel.SMS, "+14155550123"))
				.satisfies(refused -> assertThat(refused.refusal()).isEqualTo(Refusal.REGION_NOT_ALLOWED));
		}
		finally {
			jdbc.update("delete from phone_policy");
		}
	}

	@Test
	void startWhenAddressGotFiveCodesThisHourFromAnyAccountThenRefused() {
		String address = nextAddress();
		long otherAccount = newAccountId();
		for (int i = 0; i < 3; i++) {
			codes.start(account, Channel.EMAIL, address);
		}
		codes.start(otherAccount, Channel.EMAIL, address);
		codes.start(otherAccount, Channel.EMAIL, address);
		long thirdAccount = newAccountId();

		assertThatExceptionOfType(VerificationRefusedException.class)
			.isThrownBy(() -> codes.start(thirdAccount, Channel.EMAIL, address))
			.satisfies(refused -> assertThat(refused.refusal()).isEqualTo(Refusal.NUMBER_LIMIT));
		assertThat(email.sentTo(address)).hasSize(5);

		clock.advance(Duration.ofHours(1));
		assertThat(codes.start(thirdAccount, Channel.EMAIL, address).verified()).isFalse();
	}

	@Test
	void startWhenPersonGotTenCodesTodayByTextAndEmailThenRefused() {
		for (int i = 0; i < 5; i++) {
			codes.start(account, Channel.EMAIL, nextAddress());
			codes.start(account, Channel.SMS, "+3161236" + "%04d".formatted(addresses.incrementAndGet()));
		}
		String eleventh = nextAddress();

		assertThatExceptionOfType(VerificationRefusedException.class)
			.isThrownBy(() -> codes.start(account, Channel.EMAIL, eleventh))
			.satisfies(refused -> assertThat(refused.refusal()).isEqualTo(Refusal.DAILY_LIMIT));
		assertThat(email.sentTo(eleventh)).isEmpty();
	}

	@Test
	void resendWhenCooldownHasNotPassedThenRefusedAndNothingMailed() {
		String address = nextAddress();
		ChallengeView challenge = codes.start(account, Channel.EMAIL, address);

		assertThatExceptionOfType(VerificationRefusedException.class)
			.isThrownBy(() -> codes.resend(account, challenge.id()))
			.satisfies(refused -> assertThat(refused.refusal()).isEqualTo(Refusal.COOLDOWN));
		assertThat(email.sentTo(address)).hasSize(1);
	}

	@Test
	void startWhenMailServerRefusesThenRefusedAndNothingIsStored() {
		String address = nextAddress();
		email.failNextWith(new EmailDeliveryException("refused", null));

		assertThatExceptionOfType(VerificationRefusedException.class)
			.isThrownBy(() -> codes.start(account, Channel.EMAIL, address))
			.satisfies(refused -> assertThat(refused.refusal()).isEqualTo(Refusal.SEND_FAILED));
		assertThat(jdbc.queryForObject("select count(*) from verification_challenge where account_id = ?", Long.class,
				account))
			.isZero();
		assertThat(jdbc.queryForObject("select count(*) from verification_code where destination = ?", Long.class,
				address))
			.isZero();
	}

	@Test
	void checkWhenEmailedCodesAreSentTypedWrongAndRightThenAuditLogHasTheMaskedAddressOnly() {
		String address = nextAddress();
		ChallengeView challenge = codes.start(account, Channel.EMAIL, address);
		String code = email.lastCodeTo(address);
		String wrong = "%06d".formatted((Integer.parseInt(code) + 1) % 1_000_000);
		codes.check(account, challenge.id(), wrong);
		codes.check(account, challenge.id(), code);

		List<String> actions = jdbc.queryForList(
				"select action from audit_event where subject_account_id = ? order by id", String.class, account);
		List<String> details = jdbc.queryForList(
				"select method_mode || ' ' || target from audit_event where subject_account_id = ? order by id",
				String.class, account);

		assertThat(actions).containsExactly("CODE_SENT", "CODE_FAILED", "CODE_VERIFIED");
		assertThat(details).containsOnly("EMAIL c***@example.org");
		assertThat(details).allSatisfy(detail -> assertThat(detail).doesNotContain(code)
			.doesNotContain(wrong)
			.doesNotContain(address.substring(1, address.indexOf('@'))));
	}

	@Test
	void getWhenChallengeIsOfAnotherChannelThenNotFound() {
		String address = nextAddress();
		ChallengeView challenge = codes.start(account, Channel.EMAIL, address);

		assertThat(codes.get(account, challenge.id(), Set.of(Channel.EMAIL))).isEqualTo(challenge);
		assertThatExceptionOfType(ChallengeNotFoundException.class)
			.isThrownBy(() -> codes.get(account, challenge.id(), Channel.PHONE));
		assertThat(codes.find(account, challenge.id(), Channel.PHONE)).isEmpty();
	}

	private long newAccountId() {
		return TestAccounts.newEmployee(accounts, users).id();
	}

	private static String nextAddress() {
		return "codes" + addresses.incrementAndGet() + "@example.org";
	}

}
