package io.securityinfo.securityinfo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;

import io.securityinfo.Browser;
import io.securityinfo.BrowserTest;
import io.securityinfo.account.Accounts;
import io.securityinfo.account.Role;
import io.securityinfo.phone.PhoneNumbers;
import io.securityinfo.phone.TestPhoneNumbers;
import io.securityinfo.sms.CapturingSmsGateway;

/**
 * Adding a phone with the keyboard alone, in a real Chromium: from the sign-in page to the new method on Security
 * info, by Tab, Enter and typing, the code read from the text the person was sent. On the way: the skip link is the
 * first stop of a page and takes the focus to its content, and the navigation marks the current page.
 */
@BrowserTest
class AddPhoneByKeyboardBrowserTests {

	private static final String PASSWORD = "Passw0rd!";

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	Accounts accounts;

	@Autowired
	CapturingSmsGateway sms;

	@Autowired
	PhoneNumbers phoneNumbers;

	@Test
	void addPhoneWhenUsingOnlyTheKeyboardThenThePhoneIsOnSecurityInfo() {
		String email = "keyboard-" + System.nanoTime() + "@example.com";
		accounts.createIfAbsent(email, "Kay Board", PASSWORD, Role.EMPLOYEE);
		String phone = TestPhoneNumbers.nextDutchMobile();

		browser.open("/login");
		assertThat(browser.focused()).as("the sign-in page starts in the email field").contains("id=\"email\"");
		browser.type(email, Keys.TAB, PASSWORD);
		browser.typeToNextPage(Keys.ENTER);
		assertThat(browser.path()).isEqualTo("/");

		browser.type(Keys.TAB);
		assertThat(browser.focused()).as("the first stop of a page").contains("class=\"skip-link\"");
		browser.type(Keys.ENTER);
		assertThat(browser.focused()).as("where the skip link leads").contains("id=\"main\"");
		browser.tabTo("main a[href='/security-info']");
		browser.typeToNextPage(Keys.ENTER);
		assertThat(browser.find("nav a[aria-current=page]").getAttribute("href")).endsWith("/security-info");

		browser.tabTo("a.add-method");
		browser.typeToNextPage(Keys.ENTER);
		browser.tabTo("select#type");
		browser.type("Phone");
		assertThat(browser.find("select#type").getAttribute("value")).isEqualTo("PHONE");
		browser.tabTo("button.primary[type=submit]");
		browser.typeToNextPage(Keys.ENTER);
		assertThat(browser.path()).isEqualTo("/security-info/phone");

		browser.tabTo("select#region");
		browser.type("Netherlands");
		assertThat(browser.find("select#region").getAttribute("value")).isEqualTo("NL");
		browser.type(Keys.TAB, TestPhoneNumbers.national(phone));
		assertThat(browser.focused()).contains("id=\"number\"");
		browser.typeToNextPage(Keys.ENTER);
		assertThat(browser.path()).startsWith("/security-info/phone/challenges/");

		browser.tabTo("input#code");
		browser.type(sms.lastCodeTo(phone));
		browser.typeToNextPage(Keys.ENTER);
		assertThat(browser.find("#registered").getText()).isNotBlank();
		browser.tabTo("main a.button.primary");
		browser.typeToNextPage(Keys.ENTER);

		assertThat(browser.path()).isEqualTo("/security-info");
		assertThat(browser.find("table.methods").getText()).contains(phoneNumbers.formatInternational(phone));
	}

}
