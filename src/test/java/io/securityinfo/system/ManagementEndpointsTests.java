package io.securityinfo.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.securityinfo.AppFixture;
import io.securityinfo.AppTest;
import io.securityinfo.TestBrowser;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.account.TestAccounts;
import io.securityinfo.phone.TestPhoneNumbers;
import io.securityinfo.securityinfo.SecurityInfo;
import io.securityinfo.verification.Channel;
import io.securityinfo.verification.VerificationCodes;
import io.securityinfo.securityinfo.phone.PhoneModes;

/** Health and Prometheus on the application's port: a public summary, everything else for administrators. */
@AppTest
class ManagementEndpointsTests extends AppFixture {

	private static final Pattern SMS_SENT = Pattern
		.compile("^securityinfo_verification_codes_sent_total\\{channel=\"SMS\"[^}]*} (\\S+)$", Pattern.MULTILINE);

	@Autowired
	VerificationCodes codes;

	@Autowired
	SecurityInfo securityInfo;

	@Test
	void healthWhenAnonymousThenStatusOnlyWithoutComponents() throws Exception {
		mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components").doesNotExist());
	}

	@Test
	void readinessWhenAnonymousThenUpForLoadBalancers() throws Exception {
		mvc.perform(get("/actuator/health/readiness"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"));
	}

	@Test
	void healthWhenEmployeeThenStatusOnlyWithoutComponents() throws Exception {
		mvc.perform(get("/actuator/health").with(authentication(TestAccounts.authentication(employee()))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.components").doesNotExist());
	}

	@Test
	void healthWhenAdminThenDatabaseAndSmsGatewayComponentsWithTheSelectedProvider() throws Exception {
		mvc.perform(get("/actuator/health").with(authentication(TestAccounts.authentication(admin()))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.components.db.status").value("UP"))
			.andExpect(jsonPath("$.components.smsGateway.status").value("UP"))
			.andExpect(jsonPath("$.components.smsGateway.details.provider").value("console"));
	}

	@Test
	void prometheusWhenAnonymousThenSentToSignIn() throws Exception {
		mvc.perform(get("/actuator/prometheus")).andExpect(redirectedUrl("/login"));
	}

	@Test
	void prometheusWhenEmployeeThenForbidden() throws Exception {
		mvc.perform(get("/actuator/prometheus").with(authentication(TestAccounts.authentication(employee()))))
			.andExpect(status().isForbidden());
	}

	@Test
	void prometheusWhenAdminAfterATextIsSentThenScrapeCountsIt() throws Exception {
		double before = smsSent(scrape());

		codes.start(employee().id(), Channel.SMS, "+31659000001");

		String scrape = scrape();
		assertThat(smsSent(scrape)).isEqualTo(before + 1);
		assertThat(scrape).contains("verification_gateway_latency_seconds_count{channel=\"SMS\",outcome=\"sent\"");
	}

	@Test
	void actuatorWhenAdminWithAMethodSignedInWithThePasswordOnlyThenTheSecondFactorIsAskedAsOnTheAdminPages()
			throws Exception {
		SignedInUser admin = newAdmin();
		String phone = TestPhoneNumbers.nextDutchMobile();
		securityInfo.register(admin.id(), "PHONE", phone, PhoneModes.TEXT);
		TestBrowser browser = new TestBrowser(mvc);
		browser.signIn(admin).andExpect(redirectedUrl("/"));

		browser.perform(get("/admin")).andExpect(redirectedUrl("/two-step"));
		browser.perform(get("/actuator/prometheus")).andExpect(redirectedUrl("/two-step"));
		browser.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components").doesNotExist());

		browser.perform(get("/two-step")).andExpect(status().isOk());
		browser.perform(post("/two-step").param("code", sms.lastCodeTo(phone)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		browser.perform(get("/actuator/prometheus")).andExpect(status().isOk());
		browser.perform(get("/actuator/health")).andExpect(jsonPath("$.components.db.status").value("UP"));
	}

	private String scrape() throws Exception {
		return mvc.perform(get("/actuator/prometheus").with(authentication(TestAccounts.authentication(admin()))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** The SMS count in a scrape; 0 while no text has been sent since start-up and the counter does not exist. */
	private static double smsSent(String scrape) {
		Matcher line = SMS_SENT.matcher(scrape);
		return line.find() ? Double.parseDouble(line.group(1)) : 0;
	}

	private SignedInUser employee() {
		return newEmployee();
	}

	private SignedInUser admin() {
		return (SignedInUser) users.loadUserByUsername("admin@example.com");
	}

}
