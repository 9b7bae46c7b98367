package io.securityinfo.notification;

import static io.securityinfo.Journey.heading;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.securityinfo.Journey;
import io.securityinfo.JourneyTest;
import io.securityinfo.ServerFixture;
import io.securityinfo.account.Role;
import io.securityinfo.email.CapturingEmailGateway;
import io.securityinfo.securityinfo.SecurityInfo;

/**
 * "This wasn't me" over real HTTP, with the sessions in the database as the real app keeps them: the link from the
 * mail, opened in a browser that is not signed in, signs out every browser of the person and no one else's.
 */
@JourneyTest
class NotMeJourneyTests extends ServerFixture {

	private static final String PASSWORD = "Passw0rd!";

	private static final Pattern LINK = Pattern.compile("http://localhost:8080(/not-me/[A-Za-z0-9_-]{43})");

	private static final AtomicInteger sequence = new AtomicInteger();

	@Autowired
	SecurityInfo securityInfo;

	@Autowired
	CapturingEmailGateway email;

	private final List<WebClient> browsers = new ArrayList<>();

	@AfterEach
	void closeBrowsers() {
		browsers.forEach(WebClient::close);
	}

	@Test
	void notMeWhenConfirmedFromTheMailThenEveryBrowserOfThePersonGoesToSignInAndOthersStay() throws IOException {
		String person = newAccount();
		String colleague = newAccount();
		WebClient laptop = signedIn(person);
		WebClient phone = signedIn(person);
		WebClient colleagueBrowser = signedIn(colleague);
		long personId = accounts.findByEmail(person).orElseThrow().id();
		securityInfo.register(personId, "PHONE", "+31641399" + "%03d".formatted(sequence.get()), null);
		String mail = email.sentTo(person).get(0).body();
		assertThat(mail).contains("From: an unknown address");
		Matcher link = LINK.matcher(mail);
		assertThat(link.find()).isTrue();

		WebClient home = browser();
		HtmlPage confirmation = home.getPage(url(link.group(1)));
		assertThat(heading(confirmation)).isEqualTo("This wasn't me");
		HtmlButton confirm = confirmation.<HtmlForm>getFirstByXPath("//form[@method='post']")
			.getFirstByXPath(".//button");
		HtmlPage reported = confirm.click();

		assertThat(heading(reported)).isEqualTo("Your account was signed out everywhere");
		assertThat(reported.asNormalizedText()).contains("Contact your administrator now");
		assertThat(laptop.<HtmlPage>getPage(url("/security-info")).getUrl().getPath()).isEqualTo("/login");
		assertThat(phone.<HtmlPage>getPage(url("/security-info")).getUrl().getPath()).isEqualTo("/login");
		assertThat(heading(colleagueBrowser.getPage(url("/security-info")))).isEqualTo("Security info");
		assertThat(jdbc.queryForList("""
				select e.method_type || ' ' || e.target || ' ' || e.facts from audit_event e
				where e.subject_account_id = ? and e.action = 'NOT_ME_REPORTED'""", String.class, personId))
			.singleElement()
			.asString()
			.startsWith("PHONE +31 XXXXXXX")
			.endsWith(" reported=METHOD_ADDED&sessions=2");
	}

	private WebClient signedIn(String email) throws IOException {
		WebClient browser = browser();
		assertThat(heading(Journey.signIn(browser, url("/login"), email, PASSWORD))).isEqualTo("My Profile");
		return browser;
	}

	private WebClient browser() {
		WebClient browser = Journey.newBrowser();
		browsers.add(browser);
		return browser;
	}

	private String newAccount() {
		String email = "notme" + sequence.incrementAndGet() + "-" + System.nanoTime() + "@example.com";
		accounts.createIfAbsent(email, "Not Me", PASSWORD, Role.EMPLOYEE);
		return email;
	}

}
