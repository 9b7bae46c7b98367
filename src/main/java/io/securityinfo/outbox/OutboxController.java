package io.securityinfo.outbox;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

import io.securityinfo.outbox.LocalRequests;

/**
 * {@code /dev/outbox}: what the console gateways would have sent, everyone's codes and links. Exists only while one
 * of them is active, so it never shows anything once both real providers are selected, and even then answers only
 * a browser on the machine the app runs on (signed in or not, so a trial works before any sign-in): to every other
 * client it is not there.
 */
@Controller
@ConditionalOnConsoleGateway
class OutboxController {

	private final Outbox outbox;

	OutboxController(Outbox outbox) {
		this.outbox = outbox;
	}

	@GetMapping("/dev/outbox")
	String outbox(HttpServletRequest request, Model model) {
		if (!LocalRequests.isFromThisMachine(request)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		model.addAttribute("messages", outbox.messages());
		return "outbox/outbox";
	}

}
