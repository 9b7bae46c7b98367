package io.securityinfo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.springframework.test.web.servlet.MvcResult;

/** A MockMvc answer read as a browser would: a DOM to query by CSS selector, and the text a person sees. */
public final class Html {

	private Html() {
	}

	public static HtmlPage page(MvcResult result) {
		WebClient browser = new WebClient();
		browser.getOptions().setJavaScriptEnabled(false);
		browser.getOptions().setCssEnabled(false);
		try {
			return browser.loadHtmlCodeIntoCurrentWindow(
					result.getResponse().getContentAsString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The page's text with every run of white space made one space, as a reader would take it in. */
	public static String text(MvcResult result) {
		return page(result).asNormalizedText().replaceAll("\\s+", " ");
	}

}
