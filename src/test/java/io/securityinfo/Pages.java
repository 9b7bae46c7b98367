package io.securityinfo;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

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

}
