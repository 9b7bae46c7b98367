package io.securityinfo.sessions;

import static io.securityinfo.Journey.heading;
import static io.securityinfo.Journey.press;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.securityinfo.Journey;
import io.securityinfo.JourneyTest;
import io.securityinfo.ServerFixture;
import io.securityinfo.account.Role;

/**
 * "Sign out everywhere" and the other ways a person's sessions end, over real HTTP with the sessions in the
 * database as the real app keeps them: each browser here is an HtmlUnit client with a cookie jar of its own.
 */
@JourneyTest
class SignOutEverywhereTests extends ServerFixture {

	private static final String PASSWORD = "Passw0rd!";

	private static final AtomicInteger sequence = new AtomicInteger();

	private final List<WebClient> browsers = new ArrayList<>();

	@AfterEach
	void closeBrowsers() {
		browsers.forEach(WebClient::close);
	}

	@Test
	void signOutEverywhereWhenPressedThenTheOtherBrowserGoesToSignInAndAnotherPersonStaysSignedIn()
			throws IOException {
		String person = newAccount(Role.EMPLOYEE);
		String colleague = newAccount(Role.EMPLOYEE);
		WebClient laptop = signedIn(person);
		WebClient phone = signedIn(person);
		WebClient colleagueBrowser = signedIn(colleague);
		assertThat(heading(phone.getPage(url("/security-info")))).isEqualTo("Security info");

		HtmlPage securityInfo = laptop.getPage(url("/security-info"));
		assertThat(securityInfo.asNormalizedText()).contains("Lost device? Sign out everywhere");
		HtmlPage confirmation = securityInfo.getAnchorByText("Sign out everywhere").click();
		assertThat(confirmation.asNormalizedText())
			.contains("Do you want to sign out of your account on every browser and device?");
		HtmlPage afterwards = press(confirmation, "Sign out everywhere");

		assertThat(heading(afterwards)).isEqualTo("Sign in");
		assertThat(afterwards.asNormalizedText())
			.contains("You have been signed out everywhere. Sign in again to continue.");
		HtmlPage phoneNext = phone.getPage(url("/security-info"));
		assertThat(phoneNext.getUrl().getPath()).isEqualTo("/login");
		assertThat(heading(phoneNext)).isEqualTo("Sign in");
		HtmlPage laptopNext = laptop.getPage(url("/security-info"));
		assertThat(laptopNext.getUrl().getPath()).isEqualTo("/login");
		HtmlPage colleagueNext = colleagueBrowser.getPage(url("/security-info"));
		assertThat(heading(colleagueNext)).isEqualTo("Security info");
		assertThat(sessionsOf(person)).isZero();
		assertThat(sessionsOf(colleague)).isEqualTo(1);
		assertThat(jdbc.queryForList("""
				select e.facts from audit_event e join account a on a.id = e.subject_account_id
				where a.email = ? and e.action = 'SIGNED_OUT_EVERYWHERE'""", String.class, person))
			.containsExactly("sessions=2");
	}

	@Test
	void signOutEverywhereWhenNotConfirmedThenEverySessionStays() throws IOException {
		String person = newAccount(Role.EMPLOYEE);
		WebClient laptop = signedIn(person);
		WebClient phone = signedIn(person);

		HtmlPage confirmation = laptop.getPage(url("/sign-out-everywhere"));
		HtmlPage back = confirmation.getAnchorByText("Cancel").click();

		assertThat(heading(back)).isEqualTo("Security info");
		assertThat(heading(phone.getPage(url("/security-info")))).isEqualTo("Security info");
		assertThat(sessionsOf(person)).isEqualTo(2);
	}

	@Test
	void passwordChangeWhenSignedInThenOtherSessionsEndAndThisOneStays() throws IOException {
		String person = newAccount(Role.EMPLOYEE);
		WebClient laptop = signedIn(person);
		WebClient phone = signedIn(person);

		HtmlPage passwordPage = laptop.getPage(url("/account/password"));
		HtmlForm form = passwordPage.getFirstByXPath("//form[@action='/account/password']");
		form.getInputByName("currentPassword").setValue(PASSWORD);
		form.getInputByName("newPassword").setValue("An0ther-long-passw0rd");
		form.getInputByName("confirmPassword").setValue("An0ther-long-passw0rd");
		press(form, "Change password");

		assertThat(phone.getPage(url("/security-info")).getUrl().getPath()).isEqualTo("/login");
		assertThat(heading(laptop.getPage(url("/security-info")))).isEqualTo("Security info");
		assertThat(sessionsOf(person)).isEqualTo(1);
	}

	@Test
	void disableWhenAnAdministratorDisablesTheAccountThenItsSessionsEnd() throws IOException {
		String person = newAccount(Role.EMPLOYEE);
		long adminId = accounts.createIfAbsent("disabler" + sequence.incrementAndGet() + "-" + System.nanoTime()
				+ "@example.com", "Dis Abler", PASSWORD, Role.ADMIN);
		WebClient browser = signedIn(person);
		assertThat(sessionsOf(person)).isEqualTo(1);

		accounts.disable(adminId, accounts.findByEmail(person).orElseThrow().id());

		HtmlPage next = browser.getPage(url("/security-info"));
		assertThat(next.getUrl().getPath()).isEqualTo("/login");
		assertThat(sessionsOf(person)).isZero();
	}

	private WebClient signedIn(String email) throws IOException {
		WebClient browser = Journey.newBrowser();
		browsers.add(browser);
		assertThat(heading(Journey.signIn(browser, url("/login"), email, PASSWORD))).isEqualTo("My Profile");
		return browser;
	}

	private int sessionsOf(String email) {
		return jdbc.queryForObject("select count(*) from spring_session where principal_name = ?", Integer.class,
				email);
	}

	private String newAccount(Role role) {
		String email = "sessions" + sequence.incrementAndGet() + "-" + System.nanoTime() + "@example.com";
		accounts.createIfAbsent(email, "Sess Ions", PASSWORD, role);
		return email;
	}

}
