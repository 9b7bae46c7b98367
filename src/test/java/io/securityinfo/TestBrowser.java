package io.securityinfo;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpSession;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.securityinfo.account.SignedInUser;
import io.securityinfo.account.TestAccounts;

/**
 * One person's browser over MockMvc: it keeps the session from one request to the next, so that what a page
 * leaves in the session (a flash message after a redirect, the email of a failed sign-in, the signed-in person)
 * reaches the next page. It carries the session both ways the app may keep it: the servlet container's session
 * (MockMvc's {@link MockHttpSession}) and cookies (a session cookie, as Spring Session sets).
 */
public final class TestBrowser {

	private final MockMvc mvc;

	private MockHttpSession session = new MockHttpSession();

	private final Map<String, Cookie> cookies = new LinkedHashMap<>();

	public TestBrowser(MockMvc mvc) {
		this.mvc = mvc;
	}

	public ResultActions perform(MockHttpServletRequestBuilder request) throws Exception {
		request.session(session);
		if (!cookies.isEmpty()) {
			request.cookie(cookies.values().toArray(Cookie[]::new));
		}
		ResultActions actions = mvc.perform(request);
		MvcResult result = actions.andReturn();
		for (Cookie cookie : result.getResponse().getCookies()) {
			if (cookie.getMaxAge() == 0) {
				cookies.remove(cookie.getName());
			}
			else {
				cookies.put(cookie.getName(), cookie);
			}
		}
		HttpSession used = result.getRequest().getSession(false);
		if (used instanceof MockHttpSession mockSession && !mockSession.isInvalid()) {
			session = mockSession;
		}
		else {
			session = new MockHttpSession();
		}
		return actions;
	}

	/** Signs in on the sign-in page as the person, with the password of the test accounts. */
	public ResultActions signIn(SignedInUser person) throws Exception {
		return perform(post("/login").param("email", person.email())
			.param("password", TestAccounts.PASSWORD)
			.with(csrf()));
	}

	/**
	 * What identifies the session to the app: the value of a session cookie when there is one, else the container
	 * session's id.
	 */
	public String sessionId() {
		return cookies.values()
			.stream()
			.filter(cookie -> cookie.getName().equalsIgnoreCase("SESSION")
					|| cookie.getName().equalsIgnoreCase("JSESSIONID"))
			.map(Cookie::getValue)
			.findFirst()
			.orElse(session.getId());
	}

}
