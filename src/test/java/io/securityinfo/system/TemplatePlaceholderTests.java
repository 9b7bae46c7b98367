package io.securityinfo.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.web.util.HtmlUtils;

/**
 * The text a template keeps inside an element whose {@code th:text} is a message ({@code th:text="#{key}"}) is what
 * a person reading the template takes for the page's words, so it is that message in English, or nothing.
 */
class TemplatePlaceholderTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Path ENGLISH = Path.of("src/main/resources/messages/messages.properties");

	/** An opening tag, its attributes read whole so that a {@code >} inside a quoted value does not end it. */
	private static final Pattern OPENING_TAG = Pattern
		.compile("<([A-Za-z][\\w:-]*)((?:\\s+[^\\s=>/]+(?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s>]+))?)*)\\s*>");

	/** A message without arguments as the element's text: {@code th:text="#{key}"}. */
	private static final Pattern MESSAGE_TEXT = Pattern
		.compile("\\bth:text\\s*=\\s*\"#\\{\\s*([A-Za-z][\\w.-]*)\\s*}\"");

	@Test
	void templatesWhenAnElementShowsAMessageThenItsPlaceholderIsThatMessage() throws IOException {
		Properties english = load(Files.readString(ENGLISH, StandardCharsets.UTF_8));
		List<String> differences = new ArrayList<>();
		List<Path> templates;
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			templates = files.filter(path -> path.toString().endsWith(".html")).sorted().toList();
		}
		assertThat(templates).as("templates found").hasSizeGreaterThan(5);
		for (Path template : templates) {
			String name = TEMPLATES.relativize(template).toString().replace('\\', '/');
			differences(Files.readString(template, StandardCharsets.UTF_8), english)
				.forEach(difference -> differences.add(name + ":" + difference));
		}

		assertThat(differences)
			.as("placeholders that differ from their English message; write the message or leave the element empty")
			.isEmpty();
	}

	@Test
	void placeholderCheckWhenTheTextDiffersFromTheMessageThenItNamesTheLineAndBoth() {
		String html = """
				<section>
				  <h1 th:text="#{page.heading}">Old heading</h1>
				  <p class="lead" th:if="${count > 1}" th:text="#{page.intro}">Intro</p>
				</section>
				""";

		assertThat(differences(html, properties(Map.of("page.heading", "New heading", "page.intro", "Intro"))))
			.containsExactly("2: #{page.heading} shows \"Old heading\", the message is \"New heading\"");
	}

	@Test
	void placeholderCheckWhenTheTextIsTheMessageEmptyOrComputedThenItAcceptsIt() {
		String html = """
				<p th:text="#{quoted}">Don't   share
				  it</p>
				<p th:text="#{empty}"></p>
				<p th:text="#{ampersand}">Terms &amp; conditions</p>
				<p th:text="#{with.arguments(${name})}">Hello, Alice</p>
				<p th:text="${person.name}">Alice</p>
				<p th:text="#{${dynamicKey}}">Anything</p>
				""";

		assertThat(differences(html, properties(Map.of("quoted", "Don''t share it", "empty", "Something",
				"ampersand", "Terms & conditions", "with.arguments", "Hi, {0}"))))
			.isEmpty();
	}

	/** Each placeholder that differs from its message, as "line: what". */
	private static List<String> differences(String html, Properties english) {
		List<String> differences = new ArrayList<>();
		Matcher tag = OPENING_TAG.matcher(html);
		while (tag.find()) {
			Matcher messageText = MESSAGE_TEXT.matcher(tag.group(2));
			String closing = "</" + tag.group(1) + ">";
			int bodyEnd = html.indexOf('<', tag.end());
			if (!messageText.find() || bodyEnd < 0 || !html.startsWith(closing, bodyEnd)) {
				continue;
			}
			String placeholder = HtmlUtils.htmlUnescape(html.substring(tag.end(), bodyEnd))
				.strip()
				.replaceAll("\\s+", " ");
			String key = messageText.group(1);
			String message = english.getProperty(key);
			if (!placeholder.isEmpty() && message != null && !placeholder.equals(rendered(message))) {
				differences.add(lineOf(html, tag.start()) + ": #{" + key + "} shows \"" + placeholder
						+ "\", the message is \"" + rendered(message) + "\"");
			}
		}
		return differences;
	}

	/** As the app shows a message: through MessageFormat ({@code spring.messages.always-use-message-format}). */
	private static String rendered(String message) {
		return new MessageFormat(message, Locale.ENGLISH).format(new Object[0]);
	}

	private static int lineOf(String html, int index) {
		return (int) html.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
	}

	private static Properties properties(Map<String, String> messages) {
		Properties properties = new Properties();
		properties.putAll(messages);
		return properties;
	}

	private static Properties load(String text) throws IOException {
		Properties properties = new Properties();
		properties.load(new StringReader(text));
		return properties;
	}

}
