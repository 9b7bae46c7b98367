package io.securityinfo.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.securityinfo.TestDatabase;

/**
 * The figures of the fault suite for docs/security.md: each fault injected, what the person was shown, how long the
 * request took and the time-out it was bounded by. Appended to {@code target/fault-suite-<database>.txt}.
 */
final class FaultLog {

	private static final Pattern MESSAGE = Pattern.compile("role=\"alert\"[^>]*>([^<]+)<|<h1[^>]*>([^<]+)</h1>|class=\"field-error\"[^>]*>([^<]+)<");

	private FaultLog() {
	}

	static void record(String fault, Browser.Page page, Duration took, Duration timeout) {
		String line = "%s | %s | HTTP %d | %s | took %d ms | configured time-out %d ms%n".formatted(
				TestDatabase.isPostgres() ? "postgres" : "h2", fault, page.status(),
				page.location() != null ? "redirect " + page.location().replaceAll("^https?://[^/]+", "")
						: shown(page.body()),
				took.toMillis(), timeout.toMillis());
		try {
			Files.writeString(Path.of("target", "fault-suite-" + (TestDatabase.isPostgres() ? "postgres" : "h2") + ".txt"),
					line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String shown(String body) {
		StringBuilder shown = new StringBuilder();
		Matcher matcher = MESSAGE.matcher(body);
		while (matcher.find()) {
			for (int group = 1; group <= 3; group++) {
				if (matcher.group(group) != null) {
					shown.append('"').append(matcher.group(group).strip()).append("\" ");
				}
			}
		}
		return shown.toString().strip();
	}

}
