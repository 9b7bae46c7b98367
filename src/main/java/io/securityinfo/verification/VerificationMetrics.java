package io.securityinfo.verification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * What operators watch of one-time codes, published through Micrometer (Prometheus:
 * {@code /actuator/prometheus}). A rise in send failures or gateway latency points at the provider; a rise in
 * wrong codes or refusals at guessing or SMS pumping. Tags carry the channel or the refusal's name, never a number
 * or a code.
 */
@Component
class VerificationMetrics {

	static final String SENT = "securityinfo.verification.codes.sent";

	static final String SEND_FAILURES = "securityinfo.verification.codes.send.failures";

	static final String VERIFIED = "securityinfo.verification.codes.verified";

	static final String WRONG = "securityinfo.verification.codes.wrong";

	static final String REFUSALS = "securityinfo.verification.refusals";

	static final String GATEWAY_LATENCY = "securityinfo.verification.gateway.latency";

	private final MeterRegistry registry;

	VerificationMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Starts timing a call to the gateway, on the registry's monotonic clock: latency is a measurement, not a rule,
	 * so it is not read from the application's {@code Clock}, which tests hold still.
	 */
	Timer.Sample startSend() {
		return Timer.start(registry);
	}

	/** A code the gateway took. */
	void sent(Channel channel, Timer.Sample send) {
		counter(SENT, "Codes the SMS gateway took", channel).increment();
		send.stop(gatewayLatency(channel, "sent"));
	}

	/** A code the gateway refused or could not be reached for. */
	void sendFailed(Channel channel, Timer.Sample send) {
		counter(SEND_FAILURES, "Codes the SMS gateway refused or could not be reached for", channel).increment();
		send.stop(gatewayLatency(channel, "failed"));
	}

	void verified(Channel channel) {
		counter(VERIFIED, "Challenges answered with the right code", channel).increment();
	}

	void wrong(Channel channel) {
		counter(WRONG, "Wrong codes typed", channel).increment();
	}

	/** A send refused by a limit, the policy or the gateway, tagged with the {@link Refusal}'s name. */
	void refused(Refusal refusal) {
		Counter.builder(REFUSALS)
			.description("Codes not sent, by reason")
			.tag("reason", refusal.name())
			.register(registry)
			.increment();
	}

	private Counter counter(String name, String description, Channel channel) {
		return Counter.builder(name).description(description).tag("channel", channel.name()).register(registry);
	}

	private Timer gatewayLatency(Channel channel, String outcome) {
		return Timer.builder(GATEWAY_LATENCY)
			.description("Time the SMS gateway took to take or refuse a text or call")
			.tag("channel", channel.name())
			.tag("outcome", outcome)
			.register(registry);
	}

}
