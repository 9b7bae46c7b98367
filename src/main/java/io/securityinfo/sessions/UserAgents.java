package io.securityinfo.sessions;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;
import ua_parser.Client;
import ua_parser.Parser;

/**
 * The browser and operating system a user agent names, by ua-parser's maintained regular expressions (uap-java),
 * not by hand-written ones. Parsing one takes a walk through a thousand patterns, so the answers are kept in a
 * small cache: a person's few browsers are parsed once.
 */
@Component
public class UserAgents {

	/** Longer user agents are cut before parsing; real ones are far shorter. */
	static final int MAX_LENGTH = 512;

	private static final String OTHER = "Other";

	private final Parser parser = new Parser();

	private final Cache<String, Browser> parsed = Caffeine.newBuilder()
		.maximumSize(1_000)
		.expireAfterAccess(Duration.ofHours(1))
		.build();

	/** What this user agent names; unknown parts are null. */
	public Browser describe(String userAgent) {
		if (userAgent == null || userAgent.isBlank()) {
			return Browser.UNKNOWN;
		}
		String cut = userAgent.length() > MAX_LENGTH ? userAgent.substring(0, MAX_LENGTH) : userAgent;
		return parsed.get(cut, this::parse);
	}

	private Browser parse(String userAgent) {
		Client client = parser.parse(userAgent);
		String browser = client.userAgent == null ? null : named(client.userAgent.family, client.userAgent.major);
		String system = client.os == null ? null : named(client.os.family, client.os.major);
		return new Browser(browser, system);
	}

	private static String named(String family, String major) {
		if (family == null || family.isBlank() || OTHER.equals(family)) {
			return null;
		}
		return major == null || major.isBlank() ? family : family + " " + major;
	}

	/**
	 * A browser and the system it runs on, as people name them ("Chrome 131", "Windows 10").
	 *
	 * @param name the browser and its major version; null when the user agent does not tell
	 * @param system the operating system and its major version; null when the user agent does not tell
	 */
	public record Browser(String name, String system) {

		static final Browser UNKNOWN = new Browser(null, null);

	}

}
