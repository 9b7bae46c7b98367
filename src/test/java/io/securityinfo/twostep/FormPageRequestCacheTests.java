package io.securityinfo.twostep;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * What the way back after a factor may be: a path on this site, never another origin, whatever the Referer or the
 * Host header said.
 */
class FormPageRequestCacheTests {

	private final FormPageRequestCache cache = new FormPageRequestCache();

	@ParameterizedTest
	@ValueSource(strings = { "http://localhost//attacker.example/x", "http://localhost//attacker.example",
			"http://attacker.example/security-info/phone",
			"https://localhost.attacker.example/security-info", "javascript:alert(1)", "//attacker.example/x",
			"http://localhost/\\attacker.example", "http://localhost/security-info\r\nSet-Cookie: a=b",
			"http://localhost/security-info/phone?x=1\u0000", "/security-info/phone", "not a url", "" })
	void saveWhenAPostIsRefusedAndTheRefererIsNotAPageOfThisSiteThenSecurityInfo(String referer) {
		MockHttpServletRequest post = post(referer);

		assertThat(wayBackAfterSaving(post)).isEqualTo(FormPageRequestCache.FALLBACK);
	}

	@Test
	void saveWhenAPostIsRefusedOnAPageOfThisSiteThenThatPageWithItsQuery() {
		MockHttpServletRequest post = post("http://localhost/security-info/phone?challenge=abc%2F");

		assertThat(wayBackAfterSaving(post)).isEqualTo("/security-info/phone?challenge=abc%2F");
	}

	@Test
	void saveWhenAPageIsAskedForUnderAnotherHostNameThenTheWayBackIsItsPathOnly() {
		MockHttpServletRequest get = new MockHttpServletRequest("GET", "/security-info/add");
		get.setServerName("attacker.example");
		get.addHeader("Host", "attacker.example");
		get.setQueryString("type=PHONE");

		assertThat(wayBackAfterSaving(get)).isEqualTo("/security-info/add?type=PHONE&continue");
	}

	@Test
	void matchWhenTheWayBackIsFollowedThenTheSavedPageIsForgotten() {
		MockHttpServletRequest get = new MockHttpServletRequest("GET", "/security-info/add");
		cache.saveRequest(get, new MockHttpServletResponse());
		MockHttpServletRequest back = new MockHttpServletRequest("GET", "/security-info/add");
		back.setQueryString("continue");
		back.setSession(get.getSession());

		assertThat(cache.getMatchingRequest(back, new MockHttpServletResponse())).isNull();

		assertThat(cache.getRequest(back, new MockHttpServletResponse())).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/security-info", "/security-info/phone?challenge=1&continue", "/a%2F%2Fb" })
	void isLocalWhenAPathOfThisSiteThenTrue(String path) {
		assertThat(LocalPaths.isLocal(path)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "//attacker.example", "/\\attacker.example", "https://attacker.example",
			"javascript:alert(1)", "security-info", "/a\tb", "/a\nb", "/a b", "/a\u007fb", "/a\u0085b", "" })
	void isLocalWhenAnotherOriginOrControlCharactersThenFalse(String path) {
		assertThat(LocalPaths.isLocal(path)).isFalse();
	}

	/** Saves the request, as when it was refused for want of a factor; answers the way back the cache then gives. */
	private String wayBackAfterSaving(MockHttpServletRequest request) {
		cache.saveRequest(request, new MockHttpServletResponse());
		return cache.getRequest(request, new MockHttpServletResponse()).getRedirectUrl();
	}

	private static MockHttpServletRequest post(String referer) {
		MockHttpServletRequest post = new MockHttpServletRequest("POST", "/security-info/methods/1/delete");
		post.setServerName("localhost");
		post.addHeader("Referer", referer);
		return post;
	}

}
