package io.securityinfo.sms.twilio;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;

import io.securityinfo.sms.DeliveryStatus;
import io.securityinfo.sms.TextDeliveryReported;

/**
 * Twilio's webhook for the delivery of texts ({@code POST /sms/twilio/status}). No person signs in here: a
 * report counts only when it carries Twilio's signature, and then it is passed on as a
 * {@link TextDeliveryReported} for the module that sent the text to record. Anything else is answered 403 and
 * changes nothing. A signed report about a text nobody here knows, or in a status not tracked, is answered 200 all
 * the same, because Twilio would otherwise try it again.
 */
@Controller
@ConditionalOnTwilioGateway
class StatusCallbackController {

	private static final Logger log = LoggerFactory.getLogger(StatusCallbackController.class);

	private final StatusCallback statusCallback;

	private final ApplicationEventPublisher events;

	StatusCallbackController(StatusCallback statusCallback, ApplicationEventPublisher events) {
		this.statusCallback = statusCallback;
		this.events = events;
	}

	@PostMapping(StatusCallback.PATH)
	ResponseEntity<Void> report(
			@RequestHeader(name = StatusCallback.SIGNATURE_HEADER, required = false) String signature,
			HttpServletRequest request) {
		Map<String, String> fields = singleValued(request.getParameterMap());
		String refusal = refusal(fields, signature);
		if (refusal != null) {
			// The fields hold phone numbers, so they stay out of the log.
			log.warn("Refused a Twilio status report from {}: {}", request.getRemoteAddr(), refusal);
			return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
		}
		String messageSid = fields.get("MessageSid");
		DeliveryStatus status = parse(fields.get("MessageStatus"));
		if (messageSid == null || status == null) {
			log.debug("Ignored Twilio's status report {} for {}", fields.get("MessageStatus"), messageSid);
			return ResponseEntity.ok().build();
		}
		events.publishEvent(new TextDeliveryReported(messageSid, status, errorCode(fields.get("ErrorCode"))));
		return ResponseEntity.ok().build();
	}

	/** Why the request is not taken for Twilio's, or null when it carries Twilio's signature. */
	private String refusal(Map<String, String> fields, String signature) {
		if (signature == null) {
			return "no signature";
		}
		if (fields == null) {
			return "a field posted twice";
		}
		if (!statusCallback.isSignedByTwilio(fields, signature)) {
			return "the signature does not match";
		}
		return null;
	}

	/**
	 * Twilio posts each field once. A field posted twice is not from Twilio, and which of its values the
	 * signature would cover is not worth guessing: null refuses the request.
	 */
	private static Map<String, String> singleValued(Map<String, String[]> parameters) {
		if (parameters.values().stream().anyMatch(values -> values.length != 1)) {
			return null;
		}
		return parameters.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue()[0]));
	}

	/**
	 * The statuses a text passes through; others (a messaging service's "accepted", a chat app's "read") are
	 * not tracked.
	 */
	private static DeliveryStatus parse(String messageStatus) {
		if (messageStatus == null) {
			return null;
		}
		String name = messageStatus.toUpperCase(Locale.ROOT);
		return Arrays.stream(DeliveryStatus.values())
			.filter(status -> status.name().equals(name))
			.findFirst()
			.orElse(null);
	}

	/** Twilio's error codes are five digits; anything else is not one, and the column is short. */
	private static String errorCode(String errorCode) {
		return (errorCode != null && errorCode.matches("\\d{1,10}")) ? errorCode : null;
	}

}
