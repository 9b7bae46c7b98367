package io.securityinfo;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import java.util.regex.Pattern;

import org.hamcrest.Matcher;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.securityinfo.account.SignedInUser;
import io.securityinfo.account.TestAccounts;

/** What MockMvc tests ask of a page and of the person requesting it. */
public final class Pages {

	private Pages() {
	}

	/** The page's HTML has this, as Thymeleaf renders it: {@code '} is {@code &#39;}. */
	public static ResultMatcher shows(String html) {
		return content().string(containsString(html));
	}

	public static ResultMatcher doesNotShow(String html) {
		return content().string(not(containsString(html)));
	}

	/** The request comes from this person's signed-in session. */
	public static RequestPostProcessor signedIn(SignedInUser user) {
		return authentication(TestAccounts.authentication(user));
	}

	/** The request comes in this session, such as the one a real sign-in over MockMvc left. */
	public static RequestPostProcessor inSession(MockHttpSession session) {
		return request -> {
			request.setSession(session);
			return request;
		};
	}

	/** Security info lists the method in a row of its own, whose texts include these, in this order. */
	public static Matcher<String> rowOf(long methodId, String... texts) {
		String withinRow = "(?:(?!</tr>).)*?";
		StringBuilder regex = new StringBuilder(".*<tr id=\"method-" + methodId + "\">");
		for (String text : texts) {
			regex.append(withinRow).append(">\\s*").append(Pattern.quote(text)).append("\\s*<");
		}
		return matchesPattern(Pattern.compile(regex.append(withinRow).append("</tr>.*").toString(), Pattern.DOTALL));
	}

	/** The page has the radio button of this value checked. */
	public static Matcher<String> checkedRadio(String value) {
		String radio = "<input type=\"radio\" value=\"" + value + "\"[^>]*checked=\"checked\"";
		return matchesPattern(Pattern.compile(".*" + radio + ".*", Pattern.DOTALL));
	}

}
