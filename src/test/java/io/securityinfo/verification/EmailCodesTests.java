package io.securityinfo.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.securityinfo.AppTest;
import io.securityinfo.email.CapturingEmailGateway.Sent;
import io.securityinfo.email.EmailDeliveryException;
import io.securityinfo.policy.PhonePolicy;
import io.securityinfo.policy.PhoneRules;

/**
 * Codes by email: the same machinery, limits and ledger as codes by text, with the email gateway as the channel and
 * an address as the destination.
 */
@AppTest
class EmailCodesTests extends VerificationCodesFixture {

	/** Addresses of this class only: the per-address limit counts every account's sends in the shared database. */
	private static final AtomicInteger addresses = new AtomicInteger();

	@Autowired
	PhonePolicy phonePolicy;

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
			assertRefused(Refusal.REGION_NOT_ALLOWED, () -> codes.start(account, Channel.SMS, "+14155550123"));
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

		assertRefused(Refusal.NUMBER_LIMIT, () -> codes.start(thirdAccount, Channel.EMAIL, address));
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

		assertRefused(Refusal.DAILY_LIMIT, () -> codes.start(account, Channel.EMAIL, eleventh));
		assertThat(email.sentTo(eleventh)).isEmpty();
	}

	@Test
	void resendWhenCooldownHasNotPassedThenRefusedAndNothingMailed() {
		String address = nextAddress();
		ChallengeView challenge = codes.start(account, Channel.EMAIL, address);

		assertRefused(Refusal.COOLDOWN, () -> codes.resend(account, challenge.id()));
		assertThat(email.sentTo(address)).hasSize(1);
	}

	@Test
	void startWhenMailServerRefusesThenRefusedAndNothingIsStored() {
		String address = nextAddress();
		email.failNextWith(new EmailDeliveryException("refused", null));

		assertRefused(Refusal.SEND_FAILED, () -> codes.start(account, Channel.EMAIL, address));
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

	private static String nextAddress() {
		return "codes" + addresses.incrementAndGet() + "@example.org";
	}

}
