package io.securityinfo.verification;

import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.securityinfo.phone.PhoneNumbers;
import io.securityinfo.sms.TextDeliveryReported;

/**
 * Records what the SMS provider reports about the delivery of a code's text, on the text's row, so the code page
 * can tell the person when their text will not come. Runs in the webhook's request: if recording fails, the
 * provider is answered with an error and reports again.
 */
@Component
class DeliveryReceipts {

	private static final Logger log = LoggerFactory.getLogger(DeliveryReceipts.class);

	private final SentCodeRepository sentCodes;

	private final Clock clock;

	DeliveryReceipts(SentCodeRepository sentCodes, Clock clock) {
		this.sentCodes = sentCodes;
		this.clock = clock;
	}

	@EventListener
	@Transactional
	void record(TextDeliveryReported report) {
		Optional<SentCode> sent = sentCodes.findFirstByProviderMessageId(report.providerMessageId());
		if (sent.isEmpty()) {
			// Not a code's text, or one whose row is not committed yet; either way nothing to record.
			log.debug("No text {} to record delivery status {} for", report.providerMessageId(), report.status());
			return;
		}
		int recorded = sentCodes.recordDelivery(report.providerMessageId(), report.status(), report.errorCode(),
				clock.instant(), report.status().replaces());
		if (recorded == 1 && report.status().isFailure()) {
			log.info("Text {} to {} was not delivered: {}, provider error {}", report.providerMessageId(),
					PhoneNumbers.mask(sent.get().getDestination()), report.status(), report.errorCode());
		}
	}

}
