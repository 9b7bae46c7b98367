package io.securityinfo.outbox;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /dev/outbox}: what the console gateways would have sent. Exists only while one of them is active, so it
 * never shows anything once both real providers are selected.
 */
@Controller
@ConditionalOnConsoleGateway
class OutboxController {

	private final Outbox outbox;

	OutboxController(Outbox outbox) {
		this.outbox = outbox;
	}

	@GetMapping("/dev/outbox")
	String outbox(Model model) {
		model.addAttribute("messages", outbox.messages());
		return "outbox/outbox";
	}

}
