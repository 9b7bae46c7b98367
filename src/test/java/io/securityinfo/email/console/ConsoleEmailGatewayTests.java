package io.securityinfo.email.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.MvcResult;

import io.securityinfo.AppFixture;
import io.securityinfo.AppTest;
import io.securityinfo.Html;
import io.securityinfo.account.TestAccounts;
import io.securityinfo.email.EmailGateway;
import io.securityinfo.outbox.Outbox;

/**
 * The console email gateway: one log line per email in the documented form, and the email on /dev/outbox beside the
 * texts and calls. (In the shared context the capturing gateway is the one codes go through, so these tests call the
 * console gateway itself.)
 */
@AppTest
@ExtendWith(OutputCaptureExtension.class)
class ConsoleEmailGatewayTests extends AppFixture {

	private static final AtomicInteger addresses = new AtomicInteger();

	@Autowired
	ConsoleEmailGateway gateway;

	@Autowired
	Outbox outbox;

	@Test
	void sendWhenCalledThenLogsOneLineWithAddressSubjectAndBody(CapturedOutput output) {
		String address = nextAddress();

		gateway.send(address, "Your Security info verification code",
				"Your Security info verification code is 123456. Don't share it with anyone.");

		assertThat(output.getOut().lines().filter(line -> line.contains("EMAIL to " + address)))
			.singleElement()
			.asString()
			.endsWith("EMAIL to " + address + ": Your Security info verification code | Your Security info "
					+ "verification code is 123456. Don't share it with anyone.");
	}

	@Test
	void sendWhenCalledThenTheOutboxShowsTheEmailNewestFirst() throws Exception {
		String address = nextAddress();

		gateway.send(address, "Your Security info verification code", "Your code is 654321.");

		assertThat(outbox.messages().get(0)).satisfies(message -> {
			assertThat(message.kind()).isEqualTo(Outbox.Kind.EMAIL);
			assertThat(message.to()).isEqualTo(address);
			assertThat(message.text()).isEqualTo("Your Security info verification code | Your code is 654321.");
		});
		MvcResult page = mvc.perform(get("/dev/outbox")
			.with(authentication(TestAccounts.authentication(newEmployee()))))
			.andExpect(status().isOk())
			.andReturn();
		HtmlPage html = Html.page(page);
		assertThat(html.querySelectorAll("table.outbox tbody tr").get(0).getChildNodes())
			.filteredOn(cell -> cell.getNodeName().equals("td"))
			.extracting(DomNode::asNormalizedText)
			.endsWith("Email", address, "Your Security info verification code | Your code is 654321.");
		assertThat(Html.text(page)).contains(
				"The texts, calls and emails the console gateways would have sent, newest first. This page exists "
						+ "only while a console gateway is active.");
	}

	@Test
	void startWhenSmtpIsSelectedThenNoConsoleGateway() {
		ApplicationContextRunner runner = new ApplicationContextRunner()
			.withBean(Clock.class, () -> Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))
			.withBean(Outbox.class)
			.withUserConfiguration(ConsoleEmailGateway.class);

		runner.run(context -> assertThat(context).getBean(EmailGateway.class).isInstanceOf(ConsoleEmailGateway.class));
		runner.withPropertyValues("app.email.provider=smtp")
			.run(context -> assertThat(context).doesNotHaveBean(EmailGateway.class));
	}

	private static String nextAddress() {
		return "console" + addresses.incrementAndGet() + "-" + System.nanoTime() + "@example.org";
	}

}
