package io.securityinfo.outbox;

import java.util.ArrayList;
import java.util.List;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.securityinfo.AppProperties;
import io.securityinfo.outbox.LocalRequests;

/**
 * Stops start-up when a console gateway is selected where people would use the app: it delivers nothing, and
 * {@code /dev/outbox} (and the log) would hold everyone's codes and "This wasn't me" links. Production is the
 * {@code postgres} profile or a public URL that is not this machine's; the email gateway defaults to the console
 * one, so configuring only Twilio is enough to be caught. A trial on a shared address says it means it with
 * {@code app.dev.console-gateways-allowed=true}.
 */
@Component
@ConditionalOnConsoleGateway
class ConsoleGatewaysCheck {

	static final String ALLOWED_SETTING = "app.dev.console-gateways-allowed";

	ConsoleGatewaysCheck(Environment environment, AppProperties app, DevProperties dev) {
		if (dev.consoleGatewaysAllowed()) {
			return;
		}
		List<String> reasons = new ArrayList<>();
		if (environment.matchesProfiles("postgres")) {
			reasons.add("the postgres profile is active");
		}
		if (!LocalRequests.isLoopbackHost(app.publicHost())) {
			reasons.add("app.public-url (" + app.publicUrl() + ") is not a loopback address");
		}
		if (reasons.isEmpty()) {
			return;
		}
		List<String> selected = new ArrayList<>();
		if ("console".equals(environment.getProperty("app.sms.provider", "console"))) {
			selected.add("app.sms.provider=console");
		}
		if ("console".equals(environment.getProperty("app.email.provider", "console"))) {
			selected.add("app.email.provider=console");
		}
		throw new IllegalStateException("Console gateway selected (" + String.join(", ", selected) + ") but "
				+ String.join(" and ", reasons) + ": it delivers nothing and shows every code on /dev/outbox. "
				+ "Select app.sms.provider=twilio and app.email.provider=smtp, or set " + ALLOWED_SETTING
				+ "=true (APP_DEV_CONSOLE_GATEWAYS_ALLOWED) for a trial");
	}

}
