package io.securityinfo.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person's browser over real HTTP: one cookie jar, so that, as behind a load balancer, the same session cookie
 * goes to every app instance on this host. Redirects are returned, not followed, so tests see where they lead.
 */
final class Browser {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern SET_COOKIE = Pattern.compile("^([^=;]+)=([^;]*)");

	/** Cookies by name, sent to every instance on this host (java.net's CookieManager ignores "localhost"). */
	private final Map<String, String> cookies = new java.util.concurrent.ConcurrentHashMap<>();

	private final HttpClient client = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	record Page(int status, String location, String body) {

		String csrf() {
			Matcher matcher = CSRF.matcher(body);
			assertThat(matcher.find()).as("a CSRF token in the page").isTrue();
			return matcher.group(1);
		}

	}

	Page get(String url) {
		return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET());
	}

	/** Posts a form with the CSRF token of the page it was on, as the browser would. */
	Page post(String url, String csrf, Map<String, String> fields) {
		Map<String, String> all = new LinkedHashMap<>(fields);
		all.put("_csrf", csrf);
		String form = all.entrySet()
			.stream()
			.map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(url))
			.header("Accept", "text/html")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	Page signIn(String baseUrl, String email, String password) {
		Page signInPage = get(baseUrl + "/login");
		Page result = post(baseUrl + "/login", signInPage.csrf(), Map.of("email", email, "password", password));
		assertThat(result.status()).isEqualTo(302);
		assertThat(result.location()).doesNotContain("error");
		return result;
	}

	private Page send(HttpRequest.Builder request) {
		try {
			if (!cookies.isEmpty()) {
				request.header("Cookie", cookies.entrySet()
					.stream()
					.map(cookie -> cookie.getKey() + "=" + cookie.getValue())
					.collect(Collectors.joining("; ")));
			}
			HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
			for (String setCookie : response.headers().allValues("Set-Cookie")) {
				Matcher cookie = SET_COOKIE.matcher(setCookie);
				if (cookie.find()) {
					cookies.put(cookie.group(1).strip(), cookie.group(2));
				}
			}
			return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(null),
					response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
