package io.securityinfo.sms.console;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /dev/outbox}: what the console gateway would have sent. Exists only while that gateway is active. */
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
		return "sms/outbox";
	}

}
