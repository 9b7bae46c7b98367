package io.securityinfo.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Browsers and systems as ua-parser's patterns read them from real user agents. */
class UserAgentsTests {

	private final UserAgents userAgents = new UserAgents();

	@Test
	void describeWhenChromeOnWindowsThenItsNameMajorVersionAndSystem() {
		assertThat(userAgents.describe("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
				+ "Chrome/131.0.0.0 Safari/537.36"))
			.isEqualTo(new UserAgents.Browser("Chrome 131", "Windows 10"));
	}

	@Test
	void describeWhenSafariOnAnIphoneThenMobileSafariOnIos() {
		assertThat(userAgents.describe("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
				+ "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"))
			.isEqualTo(new UserAgents.Browser("Mobile Safari 17", "iOS 17"));
	}

	@Test
	void describeWhenFirefoxOnLinuxThenFirefoxOnLinux() {
		assertThat(userAgents.describe("Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"))
			.isEqualTo(new UserAgents.Browser("Firefox 133", "Linux"));
	}

	@Test
	void describeWhenNothingOrGibberishThenUnknown() {
		assertThat(userAgents.describe(null)).isEqualTo(new UserAgents.Browser(null, null));
		assertThat(userAgents.describe("  ")).isEqualTo(new UserAgents.Browser(null, null));
		assertThat(userAgents.describe("x".repeat(100_000))).isEqualTo(new UserAgents.Browser(null, null));
	}

}
