package io.securityinfo.twostep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import org.htmlunit.WebClient;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import io.securityinfo.TestBeans;
import io.securityinfo.TestDatabase;
import io.securityinfo.account.Accounts;
import io.securityinfo.account.Role;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.phone.PhoneNumbers;
import io.securityinfo.phone.TestPhoneNumbers;
import io.securityinfo.policy.TestPolicies;
import io.securityinfo.policy.TwoStepPolicy;
import io.securityinfo.policy.TwoStepRules;
import io.securityinfo.securityinfo.SecurityInfo;
import io.securityinfo.sms.CapturingSmsGateway;
import io.securityinfo.securityinfo.phone.PhoneModes;

/**
 * The "done when", over real HTTP with the sessions in the database: with two-step verification required,
 * alice signs in with her password and the code the text brought, and lands on My Profile in a new session.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.autoconfigure.exclude=")
@ActiveProfiles("test")
@Import(TestBeans.class)
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
class TwoStepJourneyTests {

	private static final String ALICE = "alice@example.com";

	private static final String PASSWORD = "Passw0rd!";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	UserDetailsService users;

	@Autowired
	SecurityInfo securityInfo;

	@Autowired
	TwoStepPolicy twoStepPolicy;

	@Autowired
	CapturingSmsGateway sms;

	WebClient browser;

	long adminId;

	@BeforeEach
	void openBrowser() {
		browser = new WebClient();
		browser.getOptions().setJavaScriptEnabled(false);
		browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
		adminId = accounts.createIfAbsent("two-step-admin@example.com", "Two Step Admin", PASSWORD, Role.ADMIN);
	}

	@AfterEach
	void closeBrowser() {
		browser.close();
		TestPolicies.restoreTwoStep(adminId, twoStepPolicy);
	}

	@Test
	void signInWhenTwoStepRequiredThenAliceSignsInWithPasswordAndTextCode() throws IOException {
		accounts.createIfAbsent(ALICE, "Alice Employee", PASSWORD, Role.EMPLOYEE);
		SignedInUser alice = (SignedInUser) users.loadUserByUsername(ALICE);
		String phone = securityInfo.signInOptions(alice.id())
			.stream()
			.map(option -> option.destination())
			.filter(destination -> destination != null)
			.findFirst()
			.orElseGet(() -> {
				String number = TestPhoneNumbers.nextDutchMobile();
				securityInfo.register(alice.id(), "PHONE", number, PhoneModes.TEXT);
				return number;
			});
		twoStepPolicy.save(adminId, new TwoStepRules(true, true, Set.of()));

		HtmlPage signInPage = browser.getPage("http://localhost:" + port + "/login");
		HtmlForm form = signInPage.getForms().get(0);
		form.getInputByName("email").setValue(ALICE);
		form.getInputByName("password").setValue(PASSWORD);
		HtmlPage challenge = press(form, "Sign in");
		String afterPassword = sessionId();

		assertThat(challenge.getUrl().getPath()).isEqualTo("/two-step");
		assertThat(challenge.querySelector("#code-sent").getTextContent())
			.isEqualTo("We texted your phone " + PhoneNumbers.mask(phone) + ". Please enter the code to sign in.");
		HtmlForm codeForm = challenge.getForms()
			.stream()
			.filter(candidate -> candidate.getActionAttribute().endsWith("/two-step"))
			.findFirst()
			.orElseThrow();
		codeForm.getInputByName("code").setValue(sms.lastCodeTo(phone));
		HtmlPage profile = press(codeForm, "Verify");

		assertThat(profile.querySelector("h1").getTextContent()).isEqualTo("My Profile");
		assertThat(sessionId()).isNotBlank().isNotEqualTo(afterPassword);
	}

	private String sessionId() {
		return browser.getCookieManager()
			.getCookies()
			.stream()
			.filter(cookie -> cookie.getName().equalsIgnoreCase("SESSION"))
			.map(Cookie::getValue)
			.findFirst()
			.orElse("");
	}

	/** Clicks the button a person would, by its words. */
	private static HtmlPage press(DomNode within, String buttonText) throws IOException {
		List<HtmlButton> buttons = within.<HtmlButton>getByXPath(".//button")
			.stream()
			.filter(button -> button.asNormalizedText().equals(buttonText))
			.toList();
		assertThat(buttons).as("buttons labelled '%s'", buttonText).hasSize(1);
		return buttons.get(0).click();
	}

}
