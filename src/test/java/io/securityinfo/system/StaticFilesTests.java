package io.securityinfo.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.util.DigestUtils;

import io.securityinfo.TestBeans;
import io.securityinfo.TestDatabase;

/**
 * Static files over real HTTP, as a browser gets them: pages link them under names that carry a hash of their
 * content, those names are cached for a year and sent gzipped on request; the plain names are revalidated; pages
 * themselves stay uncached and uncompressed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.autoconfigure.exclude=")
@ActiveProfiles("test")
@Import(TestBeans.class)
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
class StaticFilesTests {

	private static final Path STYLESHEET = Path.of("src/main/resources/static/css/app.css");

	private static final Pattern STYLESHEET_LINK = Pattern
		.compile("<link rel=\"stylesheet\" href=\"(/css/app-([0-9a-f]{32})\\.css)\">");

	private static final Pattern ICON_LINK = Pattern
		.compile("<link rel=\"icon\" type=\"image/svg\\+xml\" href=\"(/images/favicon-[0-9a-f]{32}\\.svg)\">");

	private static final long ONE_YEAR_IN_SECONDS = 365L * 24 * 60 * 60;

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void pageWhenRenderedThenLinksTheStylesheetByAHashOfItsContent() throws Exception {
		String page = get("/login", false).body();

		Matcher link = STYLESHEET_LINK.matcher(page);
		assertThat(link.find()).as("a hashed stylesheet link in %s", page).isTrue();
		assertThat(link.group(2)).isEqualTo(DigestUtils.md5DigestAsHex(Files.readAllBytes(STYLESHEET)));
		assertThat(ICON_LINK.matcher(page).find()).as("a hashed icon link").isTrue();
	}

	@Test
	void hashedStylesheetWhenAskedWithGzipThenCachedForAYearAndCompressed() throws Exception {
		String hashed = hashedStylesheet();

		HttpResponse<byte[]> answer = getBytes(hashed, true);

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.headers().firstValue("Cache-Control"))
			.hasValue("max-age=" + ONE_YEAR_IN_SECONDS + ", public, immutable");
		assertThat(answer.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
		assertThat(gunzip(answer.body())).isEqualTo(Files.readAllBytes(STYLESHEET));
	}

	@Test
	void hashedStylesheetWhenAskedWithoutGzipThenSentAsItIs() throws Exception {
		HttpResponse<byte[]> answer = getBytes(hashedStylesheet(), false);

		assertThat(answer.headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(answer.body()).isEqualTo(Files.readAllBytes(STYLESHEET));
	}

	@Test
	void stylesheetByAnOutdatedHashWhenAskedThenNotFound() throws Exception {
		assertThat(getBytes("/css/app-0123456789abcdef0123456789abcdef.css", false).statusCode()).isEqualTo(404);
	}

	@Test
	void plainStylesheetNameWhenAskedThenRevalidatedOnEveryUseRatherThanNeverStored() throws Exception {
		HttpResponse<byte[]> answer = getBytes("/css/app.css", false);

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-cache");
		assertThat(answer.headers().firstValue("Last-Modified")).isPresent();
	}

	@Test
	void pageWhenAskedWithGzipThenNeitherCachedNorCompressed() throws Exception {
		HttpResponse<String> answer = get("/login", true);

		assertThat(answer.headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(answer.headers().firstValue("Cache-Control")).hasValueSatisfying(
				cacheControl -> assertThat(cacheControl).contains("no-store"));
	}

	private String hashedStylesheet() throws Exception {
		Matcher link = STYLESHEET_LINK.matcher(get("/login", false).body());
		assertThat(link.find()).isTrue();
		return link.group(1);
	}

	private HttpResponse<String> get(String path, boolean gzip) throws Exception {
		return http.send(request(path, gzip), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<byte[]> getBytes(String path, boolean gzip) throws Exception {
		return http.send(request(path, gzip), HttpResponse.BodyHandlers.ofByteArray());
	}

	private HttpRequest request(String path, boolean gzip) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (gzip) {
			request.header("Accept-Encoding", "gzip");
		}
		return request.build();
	}

	private static byte[] gunzip(byte[] compressed) throws IOException {
		try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
			return in.readAllBytes();
		}
	}

}
