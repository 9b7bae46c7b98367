package io.securityinfo.securityinfo.passkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.springframework.beans.factory.annotation.Autowired;

import io.securityinfo.Browser;
import io.securityinfo.BrowserTest;
import io.securityinfo.account.Accounts;
import io.securityinfo.account.Role;
import io.securityinfo.system.TestClock;

/**
 * A passkey in a real Chromium, whose virtual authenticator plays a platform authenticator with a fingerprint
 * (CTAP2, internal transport, resident keys, user verification done): the page's script runs the ceremonies
 * against the real server on {@code http://localhost:PORT}.
 */
@BrowserTest
class PasskeyBrowserTests {

	private static final String PASSWORD = "Passw0rd!";

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	Accounts accounts;

	@Autowired
	TestClock clock;

	VirtualAuthenticator authenticator;

	@BeforeEach
	void addAuthenticator() {
		authenticator = browser.driver().addVirtualAuthenticator(PasskeyBrowsers.fingerprintAuthenticator());
	}

	/** Leaves the browser signed out, and without the authenticator that would sign it in again. */
	@AfterEach
	void removeAuthenticator() {
		browser.driver().removeVirtualAuthenticator(authenticator);
		browser.open("/");
		if (!browser.findAll("form[action$='/logout']").isEmpty()) {
			browser.signOut();
		}
	}

	@Test
	void passkeyWhenAddedOnSecurityInfoThenTheButtonSignsInWithoutPasswordAndItCanBeDeleted() {
		String email = addPasskey("Test laptop");
		withoutPasskeyAutofill();
		clock.advance(Duration.ofMinutes(1));

		browser.signOut();
		browser.submit("#passkey-sign-in-button");
		assertThat(browser.path()).isEqualTo("/");
		assertThat(browser.find(".account-name").getText()).isEqualTo("Pat Key");

		browser.open("/security-info");
		assertThat(browser.find("table.methods").getText()).contains("Passkey");
		browser.open("/security-info/passkey");
		assertThat(browser.find("table.passkeys td.passkey-last-used").getText()).isNotEqualTo("Not used yet");
		browser.submit("table.passkeys a[href$='/delete']");
		assertThat(browser.find("#delete-question").getText())
			.isEqualTo("Are you sure you would like to delete the passkey Test laptop?");
		browser.submit("main button.danger");
		assertThat(browser.path()).isEqualTo("/security-info");
		assertThat(browser.findAll("table.methods")).isEmpty();

		browser.signOut();
		browser.find("#passkey-sign-in-button").click();
		new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
			.until(driver -> browser.find("#passkey-problem").isDisplayed());
		assertThat(browser.find("#passkey-problem").getText()).isEqualTo(
				"That passkey didn't sign you in. Try again, or sign in with your email and password.");
		assertThat(browser.path()).isEqualTo("/login");
		assertThat(email).isNotBlank();
	}

	@Test
	void signInPageWhenTheBrowserOffersPasskeysInAutofillThenThePasskeySignsIn() {
		addPasskey("Autofill laptop");

		// Chromium's virtual authenticator answers the email field's autofill offer at once, as a person picking
		// their passkey from it would.
		browser.signOut();
		new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(driver -> browser.path().equals("/"));
		assertThat(browser.find(".account-name").getText()).isEqualTo("Pat Key");
	}

	/** Signs a new person in with a password and adds a passkey by the pages, as a person would. */
	private String addPasskey(String name) {
		String email = "passkey-" + System.nanoTime() + "@example.com";
		accounts.createIfAbsent(email, "Pat Key", PASSWORD, Role.EMPLOYEE);
		browser.signIn(email, PASSWORD);

		browser.open("/security-info/add");
		new Select(browser.find("#type")).selectByValue("PASSKEY");
		browser.submit("main button.primary[type=submit]");
		assertThat(browser.path()).isEqualTo("/security-info/passkey/new");
		assertThat(browser.find("#name").getAttribute("value")).isEqualTo("Passkey on Linux");
		browser.find("#name").clear();
		browser.find("#name").sendKeys(name);
		browser.submit("#passkey-register button.primary");

		assertThat(browser.path()).isEqualTo("/security-info/passkey");
		assertThat(browser.find("main .notice").getText()).isEqualTo("Your passkey was added.");
		assertThat(browser.find("table.passkeys th.passkey-name").getText()).isEqualTo(name);
		assertThat(browser.find("table.passkeys td.passkey-last-used").getText()).isEqualTo("Not used yet");
		assertThat(authenticator.getCredentials()).hasSize(1);
		assertThat(authenticator.getCredentials().get(0).isResidentCredential()).isTrue();
		return email;
	}

	/** From the next page on, the browser says it has no passkey autofill, as older browsers do. */
	private void withoutPasskeyAutofill() {
		browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
				"PublicKeyCredential.isConditionalMediationAvailable = () => Promise.resolve(false);"));
	}

}
