package io.securityinfo.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.htmlunit.WebClient;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import io.securityinfo.AppFixture;
import io.securityinfo.AppTest;
import io.securityinfo.audit.AuditAction;
import io.securityinfo.audit.AuditRows;
import io.securityinfo.phone.TestPhoneNumbers;
import io.securityinfo.securityinfo.app.AuthenticatorAppMethodType;
import io.securityinfo.securityinfo.SecurityInfo;
import io.securityinfo.securityinfo.phone.PhoneModes;
import io.securityinfo.system.TestClock;

@AppTest
class ProfileControllerTests extends AppFixture {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	@Autowired
	ApplicationContext context;

	@Autowired
	SecurityInfo securityInfo;

	@Test
	void profileShowsTheFiveNewestThingsThatHappenedToThePersonNewestFirst() throws Exception {
		SignedInUser person = newEmployee();
		SignedInUser colleague = newEmployee();
		List<String> shownTimes = new ArrayList<>();
		for (AuditAction action : List.of(AuditAction.CODE_SENT, AuditAction.CODE_FAILED, AuditAction.CODE_VERIFIED,
				AuditAction.METHOD_ADDED, AuditAction.DEFAULT_METHOD_CHANGED, AuditAction.PASSWORD_CHANGED)) {
			clock.advance(Duration.ofMinutes(1));
			recordOwn(person.id(), action);
			shownTimes.add(MINUTES.format(clock.instant().atOffset(ZoneOffset.UTC)) + " UTC");
		}
		clock.advance(Duration.ofMinutes(1));
		recordOwn(colleague.id(), AuditAction.REGISTRATION_SKIPPED);

		assertThat(recentActivity(profile(person))).containsExactly("Password changed " + shownTimes.get(5),
				"Default method changed " + shownTimes.get(4), "Method added " + shownTimes.get(3),
				"Code verified " + shownTimes.get(2), "Wrong code entered " + shownTimes.get(1));
	}

	@Test
	void profileTellsWhatEachThingHappenedToInWords() throws Exception {
		SignedInUser person = TestAccounts.newEmployee(accounts, users);
		securityInfo.register(person.id(), "AUTHENTICATOR_APP", "TOTP", AuthenticatorAppMethodType.APP_CODE);

		assertThat(recentActivity(profile(person))).extracting(line -> line.replaceFirst(" \\S+ \\S+ UTC$", ""))
			.containsExactly("Default method changed Authenticator app - code", "Method added Authenticator app");
	}

	@Test
	void profileOffersChangingThePasswordWithItsRules() throws Exception {
		SignedInUser person = TestAccounts.newEmployee(accounts, users);

		mvc.perform(get("/").with(authentication(TestAccounts.authentication(person))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<a href=\"/account/password\">Change password</a>")));
		mvc.perform(get("/account/password").with(authentication(TestAccounts.authentication(person))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("It can&#39;t be your email address, your current password "
					+ "or a commonly used password.")));
	}

	@Test
	void changePasswordWhenTheSecondFactorIsOlderThanTenMinutesThenItIsAskedAgain() throws Exception {
		SignedInUser person = TestAccounts.newEmployee(accounts, users);
		securityInfo.register(person.id(), "PHONE", TestPhoneNumbers.nextDutchMobile(), PhoneModes.TEXT);
		Instant signedIn = clock.instant();
		clock.advance(Duration.ofMinutes(11));

		mvc.perform(get("/account/password")
			.with(authentication(TestAccounts.withFactorsIssuedAt(person, signedIn, "PASSWORD", "SMS"))))
			.andExpect(redirectedUrl("/two-step"));
		mvc.perform(post("/account/password").param("currentPassword", TestAccounts.PASSWORD)
			.param("newPassword", "a new password " + System.nanoTime())
			.param("confirmPassword", "never compared")
			.with(csrf())
			.with(authentication(TestAccounts.withFactorsIssuedAt(person, signedIn, "PASSWORD", "SMS"))))
			.andExpect(redirectedUrl("/two-step"));
	}

	@Test
	void profileWithoutActivitySaysSo() throws Exception {
		HtmlPage profile = profile(newEmployee());

		assertThat(recentActivity(profile)).isEmpty();
		assertThat(profile.getHtmlElementById("recent-activity").asNormalizedText())
			.isEqualTo("Recent activity\nNo recent activity.");
	}

	private HtmlPage profile(SignedInUser person) throws Exception {
		String html = mvc.perform(get("/").with(authentication(TestAccounts.authentication(person))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		try (WebClient parser = new WebClient()) {
			parser.getOptions().setJavaScriptEnabled(false);
			return parser.loadHtmlCodeIntoCurrentWindow(html);
		}
	}

	private static List<String> recentActivity(HtmlPage profile) {
		return profile.querySelectorAll("#recent-activity li")
			.stream()
			.map(DomNode::asNormalizedText)
			.map(text -> text.replaceAll("\\s+", " ").strip())
			.toList();
	}

	private void recordOwn(long accountId, AuditAction action) {
		AuditRows.writeOwn(context, accountId, action);
	}

}
