package io.securityinfo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.htmlunit.WebClient;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;

/**
 * A person's steps through the pages in a real browser's way ({@link JourneyTest}): HtmlUnit without JavaScript (the
 * pages need none), signing in on the sign-in page, and the button a person presses, found by its words.
 */
public final class Journey {

	private Journey() {
	}

	/** A browser of its own (a cookie jar of its own) that shows error pages as a person sees them. */
	public static WebClient newBrowser() {
		WebClient browser = new WebClient();
		browser.getOptions().setJavaScriptEnabled(false);
		browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
		return browser;
	}

	/** Fills in the sign-in page at this address and presses "Sign in"; answers the page it leads to. */
	public static HtmlPage signIn(WebClient browser, String signInUrl, String email, String password)
			throws IOException {
		HtmlPage signInPage = browser.getPage(signInUrl);
		HtmlForm form = signInPage.getForms().get(0);
		form.getInputByName("email").setValue(email);
		form.getInputByName("password").setValue(password);
		return press(form, "Sign in");
	}

	/** Clicks the button a person would, by its words. */
	public static HtmlPage press(DomNode within, String buttonText) throws IOException {
		List<HtmlButton> buttons = within.<HtmlButton>getByXPath(".//button")
			.stream()
			.filter(button -> button.asNormalizedText().equals(buttonText))
			.toList();
		assertThat(buttons).as("buttons labelled '%s'", buttonText).hasSize(1);
		return buttons.get(0).click();
	}

	/** The page's form that posts to this action. */
	public static HtmlForm form(HtmlPage page, String action) {
		HtmlForm form = page.getFirstByXPath("//form[@action='" + action + "']");
		assertThat(form).as("form posting to %s", action).isNotNull();
		return form;
	}

	/** The page's heading, as a person reads what page they are on. */
	public static String heading(HtmlPage page) {
		return page.querySelector("h1").getTextContent();
	}

}
