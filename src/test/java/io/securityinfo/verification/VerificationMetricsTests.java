package io.securityinfo.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.securityinfo.AppFixture;
import io.securityinfo.AppTest;
import io.securityinfo.sms.SmsDeliveryException;

/** What VerificationCodes tells operators: each count moves by exactly what happened, on its channel only. */
@AppTest
class VerificationMetricsTests extends AppFixture {

	private static final AtomicInteger numbers = new AtomicInteger();

	@Autowired
	VerificationCodes codes;

	@Autowired
	MeterRegistry registry;

	long account;

	@BeforeEach
	void newAccount() {
		account = newEmployee().id();
	}

	@Test
	void startWhenTextIsSentThenSmsSentCountAndGatewayTimerMoveAndVoiceStaysPut() {
		double sms = count(VerificationMetrics.SENT, "channel", "SMS");
		double voice = count(VerificationMetrics.SENT, "channel", "VOICE");
		long timed = timed("SMS", "sent");

		codes.start(account, Channel.SMS, nextNumber());

		assertThat(count(VerificationMetrics.SENT, "channel", "SMS")).isEqualTo(sms + 1);
		assertThat(count(VerificationMetrics.SENT, "channel", "VOICE")).isEqualTo(voice);
		assertThat(timed("SMS", "sent")).isEqualTo(timed + 1);
	}

	@Test
	void startWhenGatewayFailsThenSendFailureAndRefusalAreCountedAndNothingCountsAsSent() {
		double sent = count(VerificationMetrics.SENT, "channel", "VOICE");
		double failures = count(VerificationMetrics.SEND_FAILURES, "channel", "VOICE");
		double refusals = count(VerificationMetrics.REFUSALS, "reason", "SEND_FAILED");
		long timed = timed("VOICE", "failed");
		sms.failNextWith(new SmsDeliveryException("Provider unreachable", null, null));

		assertThatExceptionOfType(VerificationRefusedException.class)
			.isThrownBy(() -> codes.start(account, Channel.VOICE, nextNumber()));

		assertThat(count(VerificationMetrics.SEND_FAILURES, "channel", "VOICE")).isEqualTo(failures + 1);
		assertThat(count(VerificationMetrics.REFUSALS, "reason", "SEND_FAILED")).isEqualTo(refusals + 1);
		assertThat(count(VerificationMetrics.SENT, "channel", "VOICE")).isEqualTo(sent);
		assertThat(timed("VOICE", "failed")).isEqualTo(timed + 1);
	}

	@Test
	void checkWhenCodeIsWrongThenRightThenOneWrongAndOneVerifiedOnTheChannel() {
		String number = nextNumber();
		ChallengeView challenge = codes.start(account, Channel.VOICE, number);
		String code = sms.lastCodeTo(number);
		double wrong = count(VerificationMetrics.WRONG, "channel", "VOICE");
		double verified = count(VerificationMetrics.VERIFIED, "channel", "VOICE");

		codes.check(account, challenge.id(), "%06d".formatted((Integer.parseInt(code) + 1) % 1_000_000));
		codes.check(account, challenge.id(), code);
		codes.check(account, challenge.id(), code);

		assertThat(count(VerificationMetrics.WRONG, "channel", "VOICE")).isEqualTo(wrong + 1);
		assertThat(count(VerificationMetrics.VERIFIED, "channel", "VOICE")).isEqualTo(verified + 1);
	}

	@Test
	void resendWhenTooSoonThenRefusalIsCountedUnderItsReason() {
		ChallengeView challenge = codes.start(account, Channel.SMS, nextNumber());
		double cooldown = count(VerificationMetrics.REFUSALS, "reason", "COOLDOWN");
		double dailyLimit = count(VerificationMetrics.REFUSALS, "reason", "DAILY_LIMIT");

		assertThatExceptionOfType(VerificationRefusedException.class)
			.isThrownBy(() -> codes.resend(account, challenge.id()));

		assertThat(count(VerificationMetrics.REFUSALS, "reason", "COOLDOWN")).isEqualTo(cooldown + 1);
		assertThat(count(VerificationMetrics.REFUSALS, "reason", "DAILY_LIMIT")).isEqualTo(dailyLimit);
	}

	private double count(String name, String tag, String value) {
		Counter counter = registry.find(name).tag(tag, value).counter();
		return counter == null ? 0 : counter.count();
	}

	private long timed(String channel, String outcome) {
		Timer timer = registry.find(VerificationMetrics.GATEWAY_LATENCY)
			.tag("channel", channel)
			.tag("outcome", outcome)
			.timer();
		return timer == null ? 0 : timer.count();
	}

	private static String nextNumber() {
		return "+31658%06d".formatted(numbers.incrementAndGet());
	}

}
