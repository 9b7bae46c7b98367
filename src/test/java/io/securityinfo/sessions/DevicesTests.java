package io.securityinfo.sessions;

import static io.securityinfo.Journey.heading;
import static io.securityinfo.Journey.press;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.htmlunit.BrowserVersion;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTableRow;
import org.htmlunit.util.NameValuePair;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.securityinfo.JourneyTest;
import io.securityinfo.ServerFixture;
import io.securityinfo.account.Role;

/**
 * "Devices and activity" over real HTTP, with the sessions in the database as the real app keeps them: each
 * browser is an HtmlUnit client with a cookie jar and a user agent of its own.
 */
@JourneyTest
class DevicesTests extends ServerFixture {

	private static final String PASSWORD = "Passw0rd!";

	private static final AtomicInteger sequence = new AtomicInteger();

	private final List<WebClient> browsers = new ArrayList<>();

	@AfterEach
	void closeBrowsers() {
		browsers.forEach(WebClient::close);
	}

	@Test
	void signOutWhenPressedOnOneDeviceThenExactlyThatSessionEndsAndTheOthersStay() throws IOException {
		String person = newAccount();
		WebClient laptop = signedIn(person, BrowserVersion.CHROME);
		WebClient phone = signedIn(person, BrowserVersion.FIREFOX);
		WebClient tablet = signedIn(person, BrowserVersion.EDGE);

		HtmlPage devices = laptop.getPage(url("/profile/devices"));
		List<HtmlTableRow> rows = deviceRows(devices);
		assertThat(rows).hasSize(3);
		assertThat(rows.get(0).asNormalizedText()).contains("Chrome").contains("This device").doesNotContain("Sign out");
		assertThat(rows).filteredOn(row -> row.asNormalizedText().contains("This device")).hasSize(1);
		HtmlTableRow phoneRow = rows.stream()
			.filter(row -> row.asNormalizedText().contains("Firefox"))
			.findFirst()
			.orElseThrow();
		assertThat(phoneRow.asNormalizedText()).contains("127.0.0.1").contains("UTC");

		HtmlPage afterwards = press(phoneRow, "Sign out");

		assertThat(afterwards.asNormalizedText()).contains("That device was signed out.");
		assertThat(deviceRows(afterwards)).hasSize(2)
			.noneMatch(row -> row.asNormalizedText().contains("Firefox"));
		assertThat(phone.getPage(url("/security-info")).getUrl().getPath()).isEqualTo("/login");
		assertThat(heading(laptop.getPage(url("/security-info")))).isEqualTo("Security info");
		assertThat(heading(tablet.getPage(url("/security-info")))).isEqualTo("Security info");
		assertThat(sessionsOf(person)).isEqualTo(2);
		assertThat(auditRows(person, "DEVICE_SIGNED_OUT")).singleElement()
			.satisfies(row -> assertThat(row.get("facts")).asString().startsWith("browser=Firefox"));
	}

	@Test
	void signOutWhenTheHandleIsAnotherPersonsSessionThenRefusedAndThatSessionStays() throws IOException {
		String person = newAccount();
		String colleague = newAccount();
		WebClient laptop = signedIn(person, BrowserVersion.CHROME);
		WebClient colleagueBrowser = signedIn(colleague, BrowserVersion.FIREFOX);
		String colleagueSession = jdbc.queryForObject("select session_id from spring_session where principal_name = ?",
				String.class, colleague);

		HtmlPage devices = laptop.getPage(url("/profile/devices"));
		Page refused = post(laptop, devices, "/profile/devices/" + Devices.handle(colleagueSession) + "/sign-out");
		Page refusedById = post(laptop, devices, "/profile/devices/" + colleagueSession + "/sign-out");

		assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(404);
		assertThat(refusedById.getWebResponse().getStatusCode()).isEqualTo(404);
		assertThat(heading(colleagueBrowser.getPage(url("/security-info")))).isEqualTo("Security info");
		assertThat(sessionsOf(colleague)).isEqualTo(1);
		assertThat(sessionsOf(person)).isEqualTo(1);
	}

	@Test
	void signOutEverywhereElseWhenPressedThenOnlyThisSessionStays() throws IOException {
		String person = newAccount();
		WebClient laptop = signedIn(person, BrowserVersion.CHROME);
		WebClient phone = signedIn(person, BrowserVersion.FIREFOX);
		WebClient tablet = signedIn(person, BrowserVersion.EDGE);

		HtmlPage afterwards = press(laptop.getPage(url("/profile/devices")), "Sign out everywhere else");

		assertThat(afterwards.asNormalizedText()).contains("Every other device was signed out.");
		assertThat(deviceRows(afterwards)).singleElement()
			.satisfies(row -> assertThat(row.asNormalizedText()).contains("This device"));
		assertThat(phone.getPage(url("/security-info")).getUrl().getPath()).isEqualTo("/login");
		assertThat(tablet.getPage(url("/security-info")).getUrl().getPath()).isEqualTo("/login");
		assertThat(sessionsOf(person)).isEqualTo(1);
		assertThat(auditRows(person, "SIGNED_OUT_EVERYWHERE_ELSE")).singleElement()
			.satisfies(row -> assertThat(row.get("facts")).isEqualTo("sessions=2"));
	}

	@Test
	void activityWhenSignedInAfterAWrongPasswordThenItsRowsAreTheAuditsSignInRows() throws IOException {
		String person = newAccount();
		WebClient stranger = browser(BrowserVersion.FIREFOX);
		HtmlPage wrong = signIn(stranger, person, "not-the-password");
		assertThat(heading(wrong)).isEqualTo("Sign in");
		WebClient laptop = signedIn(person, BrowserVersion.CHROME);

		HtmlPage devices = laptop.getPage(url("/profile/devices"));

		List<HtmlTableRow> rows = devices.<HtmlTableRow>getByXPath("//table[contains(@class,'sign-in-activity')]/tbody/tr");
		List<Map<String, Object>> audit = jdbc.queryForList("""
				select e.action, e.method_mode, e.client_ip, e.facts from audit_event e
				join account a on a.id = e.subject_account_id
				where a.email = ? and e.action in ('SIGN_IN_SUCCEEDED', 'SIGN_IN_FAILED', 'TWO_STEP_SUCCEEDED',
				'TWO_STEP_FAILED', 'TWO_STEP_LOCKED_OUT') order by e.occurred_at desc, e.id desc""", person);
		assertThat(audit).extracting(row -> row.get("action")).containsExactly("SIGN_IN_SUCCEEDED", "SIGN_IN_FAILED");
		assertThat(rows).hasSameSizeAs(audit);
		for (int i = 0; i < rows.size(); i++) {
			String row = rows.get(i).asNormalizedText();
			Map<String, Object> event = audit.get(i);
			assertThat(row).contains(event.get("action").equals("SIGN_IN_SUCCEEDED") ? "Succeeded" : "Failed")
				.contains("Password")
				.contains((String) event.get("client_ip"))
				.contains(((String) event.get("facts")).replaceFirst("^browser=([^&]*)&.*$", "$1"));
		}
		assertThat(rows.get(0).asNormalizedText()).contains("Chrome");
		assertThat(rows.get(1).asNormalizedText()).contains("Firefox");
	}

	@Test
	void notMeWhenConfirmedOnASignInThenEveryOtherSessionEndsAndThePasswordPageFollows() throws IOException {
		String person = newAccount();
		WebClient intruder = signedIn(person, BrowserVersion.FIREFOX);
		WebClient laptop = signedIn(person, BrowserVersion.CHROME);

		HtmlPage devices = laptop.getPage(url("/profile/devices"));
		HtmlTableRow intruderSignIn = devices.<HtmlTableRow>getByXPath(
				"//table[contains(@class,'sign-in-activity')]/tbody/tr")
			.stream()
			.filter(row -> row.asNormalizedText().contains("Firefox"))
			.findFirst()
			.orElseThrow();
		HtmlPage confirmation = intruderSignIn.<org.htmlunit.html.HtmlAnchor>getFirstByXPath(".//a").click();
		assertThat(confirmation.asNormalizedText()).contains("Didn't you sign in at").contains("Firefox");
		HtmlPage passwordPage = press(confirmation, "Sign out everywhere else and change password");

		assertThat(passwordPage.getUrl().getPath()).isEqualTo("/account/password");
		assertThat(passwordPage.asNormalizedText()).contains("Every other device was signed out. Change your password now.");
		assertThat(intruder.getPage(url("/security-info")).getUrl().getPath()).isEqualTo("/login");
		assertThat(sessionsOf(person)).isEqualTo(1);
		assertThat(auditRows(person, "NOT_ME_REPORTED")).singleElement()
			.satisfies(row -> assertThat(row.get("facts")).isEqualTo("reported=SIGN_IN&sessions=1"));
	}

	@Test
	void notMeWhenTheSignInIsAnotherPersonsThenNotFound() throws IOException {
		String person = newAccount();
		String colleague = newAccount();
		signedIn(colleague, BrowserVersion.FIREFOX);
		WebClient laptop = signedIn(person, BrowserVersion.CHROME);
		long colleaguesSignIn = jdbc.queryForObject("""
				select e.id from audit_event e join account a on a.id = e.subject_account_id
				where a.email = ? and e.action = 'SIGN_IN_SUCCEEDED'""", Long.class, colleague);

		Page page = laptop.getPage(url("/profile/devices/activity/" + colleaguesSignIn + "/not-me"));

		assertThat(page.getWebResponse().getStatusCode()).isEqualTo(404);
	}

	@Test
	void adminSignOutEverywhereWhenPressedOnAPersonsDevicesThenEveryOneOfTheirSessionsEndsAndTheAdminsStays()
			throws IOException {
		String person = newAccount();
		String admin = newAccount(Role.ADMIN);
		WebClient laptop = signedIn(person, BrowserVersion.CHROME);
		WebClient phone = signedIn(person, BrowserVersion.FIREFOX);
		WebClient adminBrowser = signedIn(admin, BrowserVersion.EDGE);
		long personId = accounts.findByEmail(person).orElseThrow().id();

		HtmlPage personPage = adminBrowser.getPage(url("/admin/users/" + personId));
		HtmlPage devices = personPage.getAnchorByText("Devices and activity").click();
		assertThat(deviceRows(devices)).hasSize(2).noneMatch(row -> row.asNormalizedText().contains("This device"));
		assertThat(devices.<HtmlTableRow>getByXPath("//table[contains(@class,'sign-in-activity')]/tbody/tr"))
			.hasSize(2)
			.allMatch(row -> row.asNormalizedText().contains("Succeeded") && !row.asNormalizedText().contains("This wasn't me"));
		HtmlPage afterwards = press(devices, "Sign out everywhere");

		assertThat(afterwards.asNormalizedText()).contains("They were signed out everywhere.");
		assertThat(deviceRows(afterwards)).isEmpty();
		assertThat(laptop.getPage(url("/security-info")).getUrl().getPath()).isEqualTo("/login");
		assertThat(phone.getPage(url("/security-info")).getUrl().getPath()).isEqualTo("/login");
		assertThat(sessionsOf(person)).isZero();
		assertThat(sessionsOf(admin)).isEqualTo(1);
		long adminId = accounts.findByEmail(admin).orElseThrow().id();
		assertThat(auditRows(person, "SIGNED_OUT_EVERYWHERE")).singleElement().satisfies(row -> {
			assertThat(row.get("facts")).isEqualTo("sessions=2");
			assertThat(((Number) row.get("actor_account_id")).longValue()).isEqualTo(adminId);
		});
	}

	private List<HtmlTableRow> deviceRows(HtmlPage page) {
		return page.getByXPath("//table[contains(@class,'devices')]/tbody/tr");
	}

	private List<Map<String, Object>> auditRows(String email, String action) {
		return jdbc.queryForList("""
				select e.facts, e.actor_account_id from audit_event e join account a on a.id = e.subject_account_id
				where a.email = ? and e.action = ?""", email, action);
	}

	/** A form post with the page's CSRF token, as a forged form would send it. */
	private Page post(WebClient browser, HtmlPage from, String path) throws IOException {
		String token = from.<org.htmlunit.html.HtmlInput>getFirstByXPath("//input[@name='_csrf']").getValue();
		WebRequest request = new WebRequest(new URL(url(path)), HttpMethod.POST);
		request.setRequestParameters(List.of(new NameValuePair("_csrf", token)));
		return browser.getPage(request);
	}

	private WebClient browser(BrowserVersion version) {
		WebClient browser = new WebClient(version);
		browser.getOptions().setJavaScriptEnabled(false);
		browser.getOptions().setCssEnabled(false);
		browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
		browsers.add(browser);
		return browser;
	}

	private WebClient signedIn(String email, BrowserVersion version) throws IOException {
		WebClient browser = browser(version);
		assertThat(heading(signIn(browser, email, PASSWORD))).isEqualTo("My Profile");
		return browser;
	}

	private HtmlPage signIn(WebClient browser, String email, String password) throws IOException {
		HtmlPage signInPage = browser.getPage(url("/login"));
		HtmlForm form = signInPage.getForms().get(0);
		form.getInputByName("email").setValue(email);
		form.getInputByName("password").setValue(password);
		return press(form, "Sign in");
	}

	private int sessionsOf(String email) {
		return jdbc.queryForObject("select count(*) from spring_session where principal_name = ?", Integer.class,
				email);
	}

	private String newAccount() {
		return newAccount(Role.EMPLOYEE);
	}

	private String newAccount(Role role) {
		String email = "devices" + sequence.incrementAndGet() + "-" + System.nanoTime() + "@example.com";
		accounts.createIfAbsent(email, "Dev Ices", PASSWORD, role);
		return email;
	}

}
