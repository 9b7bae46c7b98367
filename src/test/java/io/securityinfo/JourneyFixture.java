package io.securityinfo;

import org.htmlunit.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import io.securityinfo.account.TestAccounts;

/**
 * {@link ServerFixture} for a {@link JourneyTest} with one person's browser: opened before each test (see
 * {@link Journey#newBrowser()}) and closed after it.
 */
public abstract class JourneyFixture extends ServerFixture {

	/** The password of the accounts a journey creates. */
	protected static final String PASSWORD = TestAccounts.PASSWORD;

	protected WebClient browser;

	@BeforeEach
	void openTheBrowser() {
		browser = Journey.newBrowser();
	}

	@AfterEach
	void closeTheBrowser() {
		browser.close();
	}

}
