package io.securityinfo.outbox;

import static io.securityinfo.Pages.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import io.securityinfo.AppFixture;
import io.securityinfo.TestBeans;
import io.securityinfo.TestDatabase;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.account.TestAccounts;
import io.securityinfo.securityinfo.SecurityInfo;
import io.securityinfo.system.TestClock;

/**
 * Who reads the console gateways' outbox: only a browser on the machine the app runs on, whoever is signed in
 * there, if anyone. The whole app with both console gateways really in use (no capturing gateways), so codes and
 * links land in the outbox as they do in a trial.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(OutboxAccessTests.Clock.class)
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
class OutboxAccessTests extends AppFixture {

	private static final String ELSEWHERE = "10.1.2.3";

	private static final String ALICES_PASSWORD = "alice took this account over";

	@Autowired
	SecurityInfo securityInfo;

	@Autowired
	Outbox outbox;

	@Test
	void outboxWhenAnotherEmployeeAsksFromTheirMachineThenBobsResetCodeIsNotTheirs() throws Exception {
		SignedInUser alice = newEmployee();
		SignedInUser bob = newEmployee();
		String bobsHome = "bob-" + System.nanoTime() + "@home.example";
		securityInfo.register(bob.id(), "EMAIL", bobsHome, null);

		// Alice asks for a reset of Bob's account, as anyone may, from her own machine ...
		MockHttpSession reset = new MockHttpSession();
		mvc.perform(post("/password-reset").param("email", bob.email()).session(reset).with(from(ELSEWHERE)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/password-reset/verify/email").param("destination", bobsHome)
			.session(reset)
			.with(from(ELSEWHERE))
			.with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(outbox.messages()).anySatisfy(message -> assertThat(message.to()).isEqualTo(bobsHome));
		// ... reads the outbox, signed in as herself ...
		MvcResult page = mvc.perform(get("/dev/outbox").with(signedIn(alice)).with(from(ELSEWHERE))).andReturn();
		Matcher code = Pattern.compile(Pattern.quote(bobsHome) + ".*?(\\d{6})", Pattern.DOTALL)
			.matcher(page.getResponse().getContentAsString());
		// ... and, should she find Bob's code there, finishes the reset with a password of her choice.
		if (code.find()) {
			mvc.perform(post("/password-reset/verify/email/code").param("code", code.group(1))
				.session(reset)
				.with(from(ELSEWHERE))
				.with(csrf()));
			mvc.perform(post("/password-reset/new-password").param("newPassword", ALICES_PASSWORD)
				.param("confirmPassword", ALICES_PASSWORD)
				.session(reset)
				.with(from(ELSEWHERE))
				.with(csrf()));
		}

		mvc.perform(formLogin("/login").user("email", bob.email()).password(ALICES_PASSWORD))
			.andExpect(unauthenticated());
		mvc.perform(formLogin("/login").user("email", bob.email()).password(TestAccounts.PASSWORD))
			.andExpect(authenticated());
		assertThat(page.getResponse().getStatus()).isEqualTo(404);
		assertThat(page.getResponse().getContentAsString()).doesNotContain(bobsHome);
	}

	@Test
	void outboxWhenSignedInFromAnotherMachineThenNotFound() throws Exception {
		SignedInUser employee = newEmployee();

		mvc.perform(get("/dev/outbox").with(signedIn(employee)).with(from(ELSEWHERE)))
			.andExpect(status().isNotFound())
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Outbox</h1>"))));
	}

	@Test
	void outboxWhenAnotherMachineClaimsLoopbackInForwardedForThenNotFound() throws Exception {
		SignedInUser employee = newEmployee();

		mvc.perform(get("/dev/outbox").header("X-Forwarded-For", "127.0.0.1").with(from(ELSEWHERE)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/dev/outbox").header("X-Forwarded-For", "127.0.0.1")
			.with(signedIn(employee))
			.with(from(ELSEWHERE))).andExpect(status().isNotFound());
		mvc.perform(get("/dev/outbox").header("Forwarded", "for=127.0.0.1").with(from(ELSEWHERE)))
			.andExpect(status().isNotFound());
	}

	@Test
	void outboxWhenTheMachineItselfForwardsAnotherClientThenNotFound() throws Exception {
		// A proxy on the same machine: the connection is local, the person is not.
		mvc.perform(get("/dev/outbox").header("X-Forwarded-For", "203.0.113.7").with(from("127.0.0.1")))
			.andExpect(status().isNotFound());
	}

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "127.1.2.3", "0:0:0:0:0:0:0:1", "::1" })
	void outboxWhenAnonymousOnTheMachineItselfThenShowsThePage(String loopback) throws Exception {
		mvc.perform(get("/dev/outbox").with(from(loopback)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("<h1>Outbox</h1>")));
	}

	@Test
	void outboxWhenSignedInOnTheMachineItselfThenShowsThePage() throws Exception {
		SignedInUser employee = newEmployee();

		mvc.perform(get("/dev/outbox").with(signedIn(employee)).with(from("127.0.0.1")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("<h1>Outbox</h1>")));
	}

	@Test
	void benchOutboxWhenAskedFromAnotherMachineThenNotFoundAndFromTheMachineItselfTheText() throws Exception {
		Outbox messages = new Outbox();
		messages.add(new Outbox.Message(Instant.EPOCH, Outbox.Kind.SMS, "+31612345678", "Your code is 123456"));
		MockMvc bench = MockMvcBuilders.standaloneSetup(new BenchOutboxController(messages)).build();

		bench.perform(get("/bench/outbox").param("to", "+31612345678").with(from(ELSEWHERE))).andExpect(status().isNotFound());
		bench.perform(get("/bench/outbox").param("to", "+31612345678").header("X-Forwarded-For", "127.0.0.1")
			.with(from(ELSEWHERE))).andExpect(status().isNotFound());
		bench.perform(get("/bench/outbox").param("to", "+31612345678").with(from("127.0.0.1")))
			.andExpect(status().isOk())
			.andExpect(content().string("Your code is 123456"));
	}

	/** The client address as the servlet container has it from the connection. */
	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Clock {

		@Bean
		@Primary
		TestClock testClock() {
			return TestBeans.newContextClock();
		}

	}

}
