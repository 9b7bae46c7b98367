package io.securityinfo.system;

import static io.securityinfo.Pages.doesNotShow;
import static io.securityinfo.Pages.shows;
import static io.securityinfo.Pages.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.RequestDispatcher;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.securityinfo.AppFixture;
import io.securityinfo.AppTest;
import io.securityinfo.account.SignedInUser;

/**
 * What every response carries for the browser's protection, and the error pages people see instead of a stack
 * trace.
 *
 * <p>
 * MockMvc has no servlet container, so it does not forward a failed request to {@code /error}: the error pages are
 * rendered here by calling {@code /error} with the request attributes the container would set. The protective
 * headers of an error page are those written for the failed request itself, so they are checked there.
 */
@AppTest
class SecurityHeadersTests extends AppFixture {

	@Test
	void signInPageForbidsInlineScriptAndFraming() throws Exception {
		assertProtectiveHeaders(mvc.perform(get("/login")).andExpect(status().isOk()));
	}

	@Test
	void signedInPagesForbidInlineScriptAndFraming() throws Exception {
		SignedInUser user = newEmployee();

		assertProtectiveHeaders(mvc.perform(get("/security-info").with(signedIn(user))).andExpect(status().isOk()));
		assertProtectiveHeaders(mvc.perform(get("/").with(signedIn(user))).andExpect(status().isOk()));
	}

	@Test
	void redirectsAndRefusalsCarryTheHeadersToo() throws Exception {
		assertProtectiveHeaders(mvc.perform(get("/security-info")).andExpect(redirectedUrl("/login")));
		assertProtectiveHeaders(mvc.perform(post("/security-info/add").param("type", "PHONE")
			.with(signedIn(newEmployee()))).andExpect(status().isForbidden()));
	}

	@Test
	void contentSecurityPolicyAllowsNothingFromElsewhere() throws Exception {
		String policy = mvc.perform(get("/login")).andReturn().getResponse().getHeader("Content-Security-Policy");

		assertThat(policy).contains("default-src 'self'", "script-src 'self'", "style-src 'self'",
				"object-src 'none'", "frame-ancestors 'none'", "form-action 'self'", "base-uri 'self'")
			.doesNotContain("unsafe-inline", "unsafe-eval", "*");
	}

	@Test
	void unknownPageWhenSignedInThenNotFound() throws Exception {
		assertProtectiveHeaders(
				mvc.perform(get("/no-such-page").accept(MediaType.TEXT_HTML).with(signedIn(newEmployee())))
					.andExpect(status().isNotFound()));
	}

	@Test
	void unknownPageWhenAnonymousThenSignInFirst() throws Exception {
		mvc.perform(get("/no-such-page").accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/login"));
	}

	@Test
	void notFoundPageSaysSoWithoutTechnicalDetails() throws Exception {
		ResultActions page = mvc.perform(errorPage(404, "/no-such-page").with(signedIn(newEmployee())))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andExpect(shows("<h1>We couldn&#39;t find that page</h1>"))
			.andExpect(shows("The page or item you asked for doesn&#39;t exist, or it isn&#39;t yours."))
			.andExpect(shows("<a href=\"/\">Go to My Profile</a>"));
		assertNoTechnicalDetails(page);
	}

	@Test
	void serverErrorPageSaysNothingWasChangedWithoutTechnicalDetails() throws Exception {
		ResultActions page = mvc
			.perform(errorPage(500, "/security-info").requestAttr(RequestDispatcher.ERROR_EXCEPTION,
					new IllegalStateException("secret internals"))
				.with(signedIn(newEmployee())))
			.andExpect(status().isInternalServerError())
			.andExpect(shows("<h1>Something went wrong</h1>"))
			.andExpect(shows("We couldn&#39;t finish what you asked. Nothing was changed. Try again in a moment."));
		assertNoTechnicalDetails(page);
		page.andExpect(doesNotShow("secret internals"));
	}

	@Test
	void forbiddenPageWhenFormExpiredSaysSoRatherThanNoAccess() throws Exception {
		MvcResult refused = mvc.perform(post("/security-info/add").param("type", "PHONE")
			.with(signedIn(newEmployee()))).andExpect(status().isForbidden()).andReturn();
		assertThat(refused.getRequest().getAttribute("formExpired")).isEqualTo(true);

		ResultActions page = mvc
			.perform(errorPage(403, "/security-info/add").requestAttr("formExpired", true)
				.with(signedIn(newEmployee())))
			.andExpect(status().isForbidden())
			.andExpect(shows("<h1>This page has expired</h1>"))
			.andExpect(doesNotShow("You don&#39;t have access to this page"));
		assertNoTechnicalDetails(page);
	}

	@Test
	void forbiddenPageWhenNotAllowedSaysNoAccess() throws Exception {
		mvc.perform(get("/admin").with(signedIn(newEmployee()))).andExpect(status().isForbidden());

		mvc.perform(errorPage(403, "/admin").with(signedIn(newEmployee())))
			.andExpect(status().isForbidden())
			.andExpect(shows("<h1>You don&#39;t have access to this page</h1>"))
			.andExpect(doesNotShow("This page has expired"));
	}

	@Test
	void outboxWhenSignedInThenShowsItsHeading() throws Exception {
		assertProtectiveHeaders(mvc.perform(get("/dev/outbox").with(signedIn(newEmployee())))
			.andExpect(status().isOk())
			.andExpect(shows("<h1>Outbox</h1>"))
			.andExpect(shows("The texts, calls and emails the console gateways would have sent, newest first.")));
	}

	@Test
	void outboxWhenAnonymousFromAnotherMachineThenNotFoundWithTheProtectiveHeaders() throws Exception {
		assertProtectiveHeaders(mvc.perform(get("/dev/outbox").with(request -> {
			request.setRemoteAddr("192.0.2.10");
			return request;
		})).andExpect(status().isNotFound()));
	}

	private static void assertProtectiveHeaders(ResultActions response) throws Exception {
		response.andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
			.andExpect(header().string("Content-Security-Policy", not(containsString("unsafe-inline"))))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Referrer-Policy", "same-origin"));
	}

	private static void assertNoTechnicalDetails(ResultActions page) throws Exception {
		page.andExpect(doesNotShow("Whitelabel"))
			.andExpect(doesNotShow("Exception"))
			.andExpect(doesNotShow("trace"))
			.andExpect(doesNotShow("at io.securityinfo"));
	}

	/** The request the servlet container makes to render the error page of a failed request. */
	private static MockHttpServletRequestBuilder errorPage(int status, String failedUri) {
		return get("/error").accept(MediaType.TEXT_HTML)
			.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status)
			.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, failedUri);
	}

}
