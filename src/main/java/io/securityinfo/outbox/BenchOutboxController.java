package io.securityinfo.outbox;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.securityinfo.bench.ConditionalOnBench;
import io.securityinfo.outbox.LocalRequests;

/**
 * For the bench's add-phone flows: the text of the newest message to one number, as plain text, so that a load
 * generator reads its code without parsing {@code /dev/outbox}. Only with the console gateway and while the bench
 * runs the app, and, like {@code /dev/outbox}, only to a client on the machine itself.
 */
@RestController
@ConditionalOnConsoleGateway
@ConditionalOnBench
class BenchOutboxController {

	private final Outbox outbox;

	BenchOutboxController(Outbox outbox) {
		this.outbox = outbox;
	}

	@GetMapping(path = "/bench/outbox", produces = "text/plain")
	ResponseEntity<String> newestTo(@RequestParam String to, HttpServletRequest request) {
		if (!LocalRequests.isFromThisMachine(request)) {
			return ResponseEntity.notFound().build();
		}
		return outbox.messages()
			.stream()
			.filter(message -> message.to().equals(to))
			.findFirst()
			.map(message -> ResponseEntity.ok(message.text()))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

}
