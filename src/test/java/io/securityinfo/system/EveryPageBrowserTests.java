package io.securityinfo.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.springframework.beans.factory.annotation.Autowired;

import io.securityinfo.Browser;
import io.securityinfo.BrowserTest;
import io.securityinfo.account.Accounts;
import io.securityinfo.account.Role;
import io.securityinfo.email.CapturingEmailGateway;
import io.securityinfo.groups.Groups;
import io.securityinfo.policy.CampaignRules;
import io.securityinfo.policy.RegistrationCampaign;
import io.securityinfo.phone.TestPhoneNumbers;
import io.securityinfo.securityinfo.phone.PhoneModes;
import io.securityinfo.securityinfo.SecurityInfo;
import io.securityinfo.securityinfo.passkey.PasskeyBrowsers;
import io.securityinfo.sms.CapturingSmsGateway;
import io.securityinfo.totp.TotpTesting;

/**
 * Every page a person and an administrator reach, in English and in Dutch, in a real Chromium: each page has no
 * axe-core violation (WCAG 2.2 AA and best practices, any impact), the right {@code <html lang>}, no sideways
 * scrolling at 1280 and at 320 CSS pixels (WCAG's reflow: 1280 px at 400% zoom), and, in Dutch, no text left in
 * English. Each walk collects what it finds on every page and fails once, listing all of it.
 */
@BrowserTest
class EveryPageBrowserTests {

	private static final String PASSWORD = "Passw0rd!";

	private static final int PHONE_WIDTH = 320;

	/** A common phone's width, for the README's pictures. */
	private static final int SCREENSHOT_PHONE_WIDTH = 390;

	private static final String SCREENSHOTS_PROPERTY = "screenshots";

	/** What the navigation has below its last row of links: its padding and border, no more. */
	private static final int MAX_NAVIGATION_PADDING = 16;

	private static final String NAVIGATION_BAND = """
			const navigation = document.querySelector('nav.sidenav');
			if (!navigation) {
			  return 0;
			}
			const lastRow = Math.max(...[...navigation.querySelectorAll('a')].map(a => a.getBoundingClientRect().bottom));
			return Math.round(navigation.getBoundingClientRect().bottom - lastRow);
			""";

	/** The page's width at 320 px, by language and page, for the closing report. */
	private static final Map<String, Long> narrowWidths = new TreeMap<>();

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	Accounts accounts;

	@Autowired
	SecurityInfo securityInfo;

	@Autowired
	CapturingSmsGateway sms;

	@Autowired
	CapturingEmailGateway mail;

	@Autowired
	TestClock clock;

	@Autowired
	RegistrationCampaign campaign;

	@Autowired
	Groups groups;

	private final List<String> findings = new ArrayList<>();

	private PageLanguage language;

	@AfterAll
	static void reportWidths() {
		narrowWidths.forEach((page, width) -> System.out.println("[page width at 320 px] " + page + ": " + width));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "en", "nl" })
	void everyPageOfAPersonWhenVisitedThenAccessibleInLanguageWithoutSidewaysScrolling(String lang) {
		start(lang);
		String email = "walker-" + lang + "-" + System.nanoTime() + "@example.com";
		accounts.createIfAbsent(email, "Sam Walker", PASSWORD, Role.EMPLOYEE);
		String phone = TestPhoneNumbers.nextDutchMobile();
		String alternatePhone = TestPhoneNumbers.nextDutchMobile();
		String officePhone = TestPhoneNumbers.nextDutchMobile();
		String otherEmail = "sam.walker@example.net";

		check("sign-in");
		browser.open("/login/temporary-access-pass");
		check("Sign in with a Temporary Access Pass");
		browser.find("#email").sendKeys(email);
		browser.find("#pass").sendKeys("NotThePass");
		submit("/login/temporary-access-pass");
		check("Sign in with a Temporary Access Pass, refused");
		browser.signIn(email, PASSWORD);
		check("My Profile");
		browser.open("/security-info");
		check("Security info, no methods");
		browser.open("/security-info/add");
		check("Add a method");

		new Select(browser.find("#type")).selectByValue("PHONE");
		submit("/security-info/add");
		check("Phone");
		submit("/security-info/phone");
		expectFocus("Phone, number missing", ".error-summary");
		check("Phone, number missing");
		new Select(browser.find("#region")).selectByValue("NL");
		browser.find("#number").sendKeys(TestPhoneNumbers.national(phone));
		submit("/security-info/phone");
		check("Phone, code sent");
		browser.find("#code").sendKeys(TotpTesting.wrong(sms.lastCodeTo(phone)));
		submitCode();
		expectFocus("Phone, wrong code", "#code");
		check("Phone, wrong code");
		browser.find("#code").clear();
		browser.find("#code").sendKeys(sms.lastCodeTo(phone));
		submitCode();
		check("Phone, registered");

		browser.open("/security-info/alternate-phone");
		check("Alternate phone");
		new Select(browser.find("#region")).selectByValue("NL");
		browser.find("#number").sendKeys(TestPhoneNumbers.national(alternatePhone));
		submit("/security-info/alternate-phone");
		browser.find("#code").sendKeys(sms.lastCodeTo(alternatePhone));
		submitCode();

		browser.open("/security-info/office-phone");
		check("Office phone");
		new Select(browser.find("#region")).selectByValue("NL");
		browser.find("#number").sendKeys(TestPhoneNumbers.national(officePhone));
		browser.find("#extension").sendKeys("12");
		submit("/security-info/office-phone");
		browser.find("#code").sendKeys(sms.lastCodeTo(officePhone));
		submitCode();

		browser.open("/security-info/email");
		check("Email");
		browser.find("#email").sendKeys(otherEmail);
		submit("/security-info/email");
		check("Email, code sent");
		browser.find("#code").sendKeys(mail.lastCodeTo(otherEmail));
		submitCode();
		check("Email, registered");

		browser.open("/security-info/authenticator-app");
		check("Authenticator app");
		submit("/security-info/authenticator-app");
		check("Authenticator app, set up");
		String secret = browser.find("#secret-key").getAttribute("textContent");
		browser.submit("main a.button.primary");
		check("Authenticator app, code");
		browser.find("#code").sendKeys(TotpTesting.code(secret, clock.instant()));
		submitCode();
		check("Authenticator app, registered");

		// A passkey, made by Chromium's virtual authenticator; it goes before signing out, or it would sign the
		// person in again from the sign-in page's autofill offer.
		VirtualAuthenticator passkeys = browser.driver()
			.addVirtualAuthenticator(PasskeyBrowsers.fingerprintAuthenticator());
		browser.open("/security-info/passkey/new");
		check("Passkey, add");
		browser.find("#name").clear();
		browser.find("#name").sendKeys("Laptop");
		browser.submit("#passkey-register button.primary");
		check("Passkeys");
		browser.submit("table.passkeys a[href$='/rename']");
		check("Passkey, rename");
		browser.find("#name").clear();
		submit("/security-info/passkey/" + browser.path().split("/")[3] + "/rename");
		expectFocus("Passkey, rename without a name", "#name");
		check("Passkey, rename without a name");
		browser.open("/security-info/passkey");
		browser.submit("table.passkeys a[href$='/delete']");
		check("Passkey, delete");
		browser.driver().removeVirtualAuthenticator(passkeys);

		browser.open("/security-info/security-questions");
		check("Security questions");
		submit("/security-info/security-questions");
		expectFocus("Security questions, nothing answered", ".error-summary");
		check("Security questions, nothing answered");
		int questions = browser.findAll("main fieldset select").size();
		for (int i = 0; i < questions; i++) {
			new Select(browser.find("select[name='answers[" + i + "].questionId']")).selectByIndex(i + 1);
			browser.find("input[name='answers[" + i + "].answer']").sendKeys("answer " + i);
		}
		submit("/security-info/security-questions");
		check("Security questions, saved");

		browser.open("/security-info/recovery-codes");
		check("Recovery codes");
		submit("/security-info/recovery-codes");
		check("Recovery codes, shown once");
		browser.find("#saved").click();
		browser.submit("main form[action$='/security-info/recovery-codes/saved'] .actions button[type=submit]");
		browser.open("/security-info/recovery-codes");
		check("Recovery codes, how many left");

		browser.open("/security-info");
		check("Security info, every method");
		saveScreenshots("security-info");
		// The office phone: the phone stays for the password reset below.
		browser.submit("table.methods tr:has(a[href$='/office-phone/change']) a[href$='/delete']");
		check("Delete method");
		String deletePage = browser.path();
		browser.open("/security-info/default");
		check("Change default method");
		browser.open(deletePage);
		submit("/delete");
		browser.open(deletePage);
		check("Method already removed");
		browser.open("/account/password");
		check("Change password");
		browser.open("/sign-out-everywhere");
		check("Sign out everywhere");
		browser.open("/profile/devices");
		check("Devices and activity");
		browser.submit("table.sign-in-activity tbody tr a");
		check("This wasn't me, a sign-in");
		browser.open("/dev/outbox");
		check("Outbox");
		browser.open("/no-such-page");
		check("404");

		// Step-up: ten minutes on, a change asks for a fresh second factor.
		clock.advance(Duration.ofMinutes(11));
		browser.open("/security-info/add");
		check("Two-step verification, step-up");
		browser.open("/two-step/other");
		check("Two-step verification, other ways");

		browser.signOut();
		browser.open("/password-reset");
		check("Password reset, email");
		browser.find("#email").sendKeys(email);
		submit("/password-reset");
		check("Password reset, ways to verify");
		browser.open("/password-reset/verify/app");
		check("Password reset, authenticator app");
		browser.open("/password-reset/verify/questions");
		check("Password reset, security questions");
		browser.open("/password-reset/verify/text");
		check("Password reset, phone number");
		browser.find("#destination").sendKeys(phone);
		submit("/password-reset/verify/text");
		check("Password reset, code");
		browser.find("#code").sendKeys(sms.lastCodeTo(phone));
		submitCode();
		check("Password reset, new password");
		browser.find("#newPassword").sendKeys("short");
		submit("/password-reset/new-password");
		expectFocus("Password reset, new password refused", ".error-summary");
		check("Password reset, new password refused");
		browser.find("#newPassword").sendKeys("a long new password 42");
		browser.find("#confirmPassword").sendKeys("a long new password 42");
		submit("/password-reset/new-password");
		check("Password reset, done");

		browser.open("/not-me/no-such-token");
		check("This wasn't me, unusable link");

		assertThat(findings).as("what the pages showed in %s", lang).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "en", "nl" })
	void everyPageOfAnAdministratorWhenVisitedThenAccessibleInLanguageWithoutSidewaysScrolling(String lang) {
		start(lang);
		String admin = "walking-admin-" + lang + "-" + System.nanoTime() + "@example.com";
		accounts.createIfAbsent(admin, "Walking Admin " + lang.toUpperCase(), PASSWORD, Role.ADMIN);
		String personEmail = "walked-" + lang + "-" + System.nanoTime() + "@example.com";
		long person = accounts.createIfAbsent(personEmail, "Walked Person " + lang.toUpperCase(), PASSWORD,
				Role.EMPLOYEE);
		securityInfo.register(person, "PHONE", TestPhoneNumbers.nextDutchMobile(), PhoneModes.TEXT);
		securityInfo.register(person, "EMAIL", "walked-" + lang + "-" + System.nanoTime() + "@example.net", null);

		browser.signIn(admin, PASSWORD);
		browser.open("/admin");
		check("Admin");
		browser.open("/admin/users");
		check("Users");
		browser.find("#q").sendKeys(personEmail);
		submit("/admin/users");
		check("Users, found");
		browser.open("/admin/users/" + person);
		check("A person");
		browser.open("/admin/users/" + person + "/devices");
		check("A person's devices and activity");
		browser.open("/admin/users/" + person + "/phone");
		check("Set phone");
		submit("/phone");
		expectFocus("Set phone, nothing filled in", ".error-summary");
		check("Set phone, nothing filled in");
		new Select(browser.find("#region")).selectByValue("NL");
		browser.find("#number").sendKeys(TestPhoneNumbers.national(TestPhoneNumbers.nextDutchMobile()));
		browser.find("#reason").sendKeys("New work phone");
		submit("/phone");
		check("A person, phone set");
		browser.submit("table.methods tr[id^='method-'] a[href$='/delete']");
		check("A person's method, delete");
		browser.open("/admin/users/" + person + "/temporary-access-pass");
		check("Temporary Access Pass, create");
		browser.find("#lifetimeMinutes").clear();
		browser.find("#lifetimeMinutes").sendKeys("5");
		submit("/temporary-access-pass");
		expectFocus("Temporary Access Pass, lifetime refused", ".error-summary");
		check("Temporary Access Pass, lifetime refused");
		browser.find("#lifetimeMinutes").clear();
		browser.find("#lifetimeMinutes").sendKeys("60");
		submit("/temporary-access-pass");
		check("Temporary Access Pass, created");
		String pass = browser.find("#pass").getAttribute("textContent");
		browser.open("/admin/users/" + person + "/temporary-access-pass");
		check("Temporary Access Pass, current");
		browser.open("/admin/users/new");
		check("New user");
		submit("/admin/users/new");
		expectFocus("New user, nothing filled in", ".error-summary");
		check("New user, nothing filled in");

		browser.open("/admin/methods");
		check("Authentication methods");
		browser.find("#policy-SMS input[type=radio][value=GROUPS]").click();
		submit("/admin/methods");
		expectFocus("Authentication methods, no group chosen", ".error-summary");
		check("Authentication methods, no group chosen");
		browser.open("/admin/methods/phone");
		check("Phone settings");
		// The countries' filter box (js/region-filter.js) keeps the countries whose name holds what is typed.
		browser.find("#region-filter").sendKeys("nl".equals(lang) ? "duits" : "germ");
		assertThat(browser.findAll("#region-list li")
			.stream()
			.filter(WebElement::isDisplayed)
			.map(country -> country.findElement(By.tagName("input")).getDomAttribute("value"))).containsExactly("DE");
		browser.open("/admin/methods/phone");
		browser.find("#codeLifetimeMinutes").clear();
		browser.find("#codeLifetimeMinutes").sendKeys("0");
		submit("/admin/methods/phone");
		expectFocus("Phone settings, lifetime refused", ".error-summary");
		check("Phone settings, lifetime refused");
		browser.open("/admin/methods/phishing-resistant");
		check("Phishing-resistant sign-in");
		// Required, for no one: refused, and nothing saved.
		if (!browser.find("#required1").isSelected()) {
			browser.find("#required1").click();
		}
		if (browser.find("#administrators1").isSelected()) {
			browser.find("#administrators1").click();
		}
		submit("/admin/methods/phishing-resistant");
		expectFocus("Phishing-resistant sign-in, no one chosen", ".error-summary");
		check("Phishing-resistant sign-in, no one chosen");
		browser.open("/admin/methods/temporary-access-pass");
		check("Temporary Access Pass settings");
		browser.find("#length").clear();
		browser.find("#length").sendKeys("49");
		submit("/admin/methods/temporary-access-pass");
		expectFocus("Temporary Access Pass settings, length refused", ".error-summary");
		check("Temporary Access Pass settings, length refused");
		browser.open("/admin/registration");
		check("Registration");
		browser.find("#reconfirmDays").clear();
		browser.find("#reconfirmDays").sendKeys("-1");
		submit("/admin/registration");
		expectFocus("Registration, days refused", ".error-summary");
		check("Registration, days refused");
		browser.open("/admin/two-step");
		check("Two-step verification policy");
		browser.open("/admin/registration/campaign");
		check("Stronger method campaign");
		browser.find("#postponeDays").clear();
		browser.find("#postponeDays").sendKeys("15");
		submit("/admin/registration/campaign");
		expectFocus("Stronger method campaign, days refused", ".error-summary");
		check("Stronger method campaign, days refused");
		browser.open("/admin/registration/campaign/progress");
		check("Stronger method campaign, progress");
		browser.open("/admin/questions");
		check("Security questions policy");

		browser.open("/admin/groups");
		check("Groups");
		browser.find("#name").sendKeys("Walkers " + lang + " " + System.nanoTime());
		submit("/admin/groups");
		check("A group");
		browser.find("#email").sendKeys(personEmail);
		submit("/members");
		check("A group with a member");
		browser.submit("main a.danger-link");
		check("Delete group");
		submit("/delete");

		browser.open("/admin/audit");
		check("Audit log");
		browser.open("/admin/users/" + person + "/require-registration");
		check("Require re-register");
		submit("/require-registration");
		browser.open("/admin/users/" + person + "/disable");
		check("Disable account");

		browser.signOut();
		browser.open("/login/temporary-access-pass");
		browser.find("#email").sendKeys(personEmail);
		browser.find("#pass").sendKeys(pass);
		submit("/login/temporary-access-pass");
		check("Security info, signed in with a Temporary Access Pass");
		browser.signOut();
		browser.signIn(personEmail, PASSWORD);
		check("Confirm the phone an administrator set");
		browser.open("/");
		check("Registration interrupt");

		// The campaign's nudge, for a group of one with a phone, switched off again whatever happens.
		String nudgedEmail = "nudged-" + lang + "-" + System.nanoTime() + "@example.com";
		long nudged = accounts.createIfAbsent(nudgedEmail, "Nudged Person", PASSWORD, Role.EMPLOYEE);
		securityInfo.register(nudged, "PHONE", TestPhoneNumbers.nextDutchMobile(), PhoneModes.TEXT);
		long adminId = accounts.findByEmail(admin).orElseThrow().id();
		long group = groups.create(adminId, "nudged " + lang + " " + System.nanoTime());
		groups.addMember(adminId, group, nudgedEmail);
		try {
			campaign.save(adminId, new CampaignRules(true, false, Set.of(group), "AUTHENTICATOR_APP", 1, 2));
			browser.signOut();
			browser.signIn(nudgedEmail, PASSWORD);
			assertThat(browser.path()).isEqualTo("/security-info/interrupt/stronger-method");
			check("Stronger method nudge");
		}
		finally {
			campaign.save(adminId, CampaignRules.off("AUTHENTICATOR_APP"));
			groups.delete(adminId, group);
		}

		assertThat(findings).as("what the pages showed in %s", lang).isEmpty();
	}

	private void start(String lang) {
		language = PageLanguage.of(lang);
		browser.width(Browser.DESKTOP_WIDTH);
		browser.open("/login");
		browser.driver().manage().deleteAllCookies();
		browser.open("/login?lang=" + lang);
	}

	/** Checks the page the browser shows now, at both widths; adds what is wrong to the findings. */
	private void check(String page) {
		String where = language.tag() + " \"" + page + "\" (" + browser.path() + ")";
		if (!language.tag().equals(browser.language())) {
			findings.add(where + ": <html lang=\"" + browser.language() + "\">");
		}
		browser.accessibilityViolations().forEach(violation -> findings.add(where + ": axe " + violation));
		long overflow = browser.horizontalOverflow();
		if (overflow > 0) {
			findings.add(where + ": " + overflow + " px wider than the window at " + Browser.DESKTOP_WIDTH + " px");
		}
		language.untranslated(browser).forEach(text -> findings.add(where + ": English text \"" + text + "\""));
		browser.width(PHONE_WIDTH);
		overflow = browser.horizontalOverflow();
		narrowWidths.put(language.tag() + " " + page, PHONE_WIDTH + overflow);
		if (overflow > 0) {
			findings.add(where + ": " + (PHONE_WIDTH + overflow) + " px wide at " + PHONE_WIDTH + " px, past the edge: "
					+ browser.overflowingElements());
		}
		long band = ((Number) browser.script(NAVIGATION_BAND)).longValue();
		if (band > MAX_NAVIGATION_PADDING) {
			findings.add(where + ": an empty band of " + band + " px under the navigation at " + PHONE_WIDTH + " px");
		}
		browser.width(Browser.DESKTOP_WIDTH);
	}

	/**
	 * With {@code -Dscreenshots=<folder>} (the README's pictures: {@code -Dscreenshots=docs/images}), saves the page
	 * as {@code <name>-<language>-desktop.png} (1280 px wide) and {@code <name>-<language>-phone.png} (390 px).
	 */
	private void saveScreenshots(String name) {
		String folder = System.getProperty(SCREENSHOTS_PROPERTY);
		if (folder != null && !folder.isBlank()) {
			browser.screenshot(Path.of(folder, name + "-" + language.tag() + "-desktop.png"), Browser.DESKTOP_WIDTH);
			browser.screenshot(Path.of(folder, name + "-" + language.tag() + "-phone.png"), SCREENSHOT_PHONE_WIDTH);
		}
	}

	/** After a failed submit the page loads with the focus where the person should start: checks it is. */
	private void expectFocus(String page, String cssSelector) {
		String focused = (String) browser.script("""
				const element = document.activeElement;
				return element.matches(arguments[0]) ? null : element.outerHTML.substring(0, 80);
				""", cssSelector);
		if (focused != null) {
			findings.add(language.tag() + " \"" + page + "\" (" + browser.path() + "): the focus is on " + focused
					+ ", not on " + cssSelector);
		}
	}

	private void submit(String formAction) {
		browser.submit("main form[action$='" + formAction + "'] button[type=submit]");
	}

	/** Presses the code form's own button (not "Resend code", which posts another form). */
	private void submitCode() {
		browser.submit("main form:has(#code) .actions button[type=submit]");
	}

}
