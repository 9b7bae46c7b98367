package io.securityinfo.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
import io.securityinfo.securityinfo.app.AuthenticatorAppMethodType;
import io.securityinfo.securityinfo.SecurityInfo;

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
