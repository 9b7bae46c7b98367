package io.securityinfo.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.securityinfo.outbox.Outbox;

/**
 * Every word the app shows comes from {@code messages/messages.properties}: no literal text in templates, no
 * message key that is missing, and every translation with the same keys as the English messages, each message in
 * its own words (but a short list of those the same in every language) and with the English message's arguments.
 */
class I18nTests {

	private static final Path RESOURCES = Path.of("src/main/resources");

	private static final Path TEMPLATES = RESOURCES.resolve("templates");

	private static final Path MESSAGES = RESOURCES.resolve("messages");

	private static final Path MAIN_JAVA = Path.of("src/main/java");

	/**
	 * Keys that templates and Java build from a prefix and a value. Each family lists every value it is built
	 * with, so that a new value (a new outbox kind, a new phone mode) fails here until its message exists. The keys a
	 * method type names (its name, its modes, its policy switches, its reset ways) are read from the method types
	 * themselves and checked by {@code securityinfo.MethodTypesTests}, so that a new type lists nothing here.
	 */
	private static final Map<String, List<String>> DYNAMIC_KEY_FAMILIES = Map.of(
			// templates/securityinfo/phone.html: #{${'phone.mode.' + mode}}
			"phone.mode.", List.of("TEXT", "CALL"),
			// PhoneLikeMethodType.registeredKey(mode): by mode for the phone, by type id for the other phone types
			"phone.registered.", List.of("TEXT", "CALL", "ALTERNATE_PHONE", "OFFICE_PHONE"),
			// templates/outbox/outbox.html: #{${'outbox.kind.' + message.kind()}}, Outbox.Kind
			"outbox.kind.", List.of("SMS", "CALL", "EMAIL"),
			// templates/users/*.html: #{${'users.role.' + role}}, Role
			"users.role.", List.of("EMPLOYEE", "ADMIN"),
			// PhoneLikeMethodType.introKey() and alreadyRegisteredKey() of the phone types other than the phone
			"phone.intro.", List.of("ALTERNATE_PHONE", "OFFICE_PHONE"),
			"phone.already-registered.", List.of("ALTERNATE_PHONE", "OFFICE_PHONE"),
			// PhoneController.registered: "phone.changed." + the mode that proved the new number
			"phone.changed.", List.of("TEXT", "CALL"),
			// templates/securityinfo/temporary-access-pass.html: TemporaryAccessPasses.State
			"accesspass.state.", List.of("NOT_YET_VALID", "VALID", "EXPIRED", "USED"));

	/**
	 * Messages a translation may write exactly as English does, each with the reason. Besides these, a message
	 * with no word in it ("{0} - {1} {2}", "1", "\u2014") is the same in every language.
	 */
	private static final Map<String, String> SAME_IN_EVERY_LANGUAGE = Map.of(
			"audit.occurred-at", "a time and its zone's abbreviation, UTC in every language",
			"profile.activity.when", "a time and its zone's abbreviation, UTC in every language");

	/** An argument, with its format type when it has one: {0}, {1,number,#}, {0,choice,…}. */
	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\s*(\\d+)\\s*(?:,\\s*(\\w+))?");

	/** An argument without words of its own: {0}, {1,number,#}, {2,date,short}. */
	private static final Pattern WORDLESS_PLACEHOLDER = Pattern
		.compile("\\{\\s*\\d+\\s*(?:,\\s*(?:number|date|time)[^{}]*)?}");

	/** {@code #{key}}, {@code #{key(args)}} and {@code #messages.msg('key', ...)} with a literal key. */
	private static final List<Pattern> TEMPLATE_KEY_USES = List.of(Pattern.compile("#\\{\\s*([A-Za-z][\\w.-]*)"),
			Pattern.compile("#messages\\.msg\\w*\\(\\s*'([^']+)'"));

	/** {@code #{${'phone.mode.' + mode}}}: a key built from a literal prefix. */
	private static final Pattern DYNAMIC_KEY_PREFIX = Pattern.compile("#\\{\\s*\\$\\{\\s*'([\\w.-]+)'\\s*\\+");

	/** Places in Java code that take a message key as a string literal, whatever the key looks like. */
	private static final List<Pattern> JAVA_KEY_USES = List.of(
			// Bean Validation: @NotBlank(message = "{phone.number.required}")
			Pattern.compile("message\\s*=\\s*\"\\{([^}\"]+)\\}\""),
			// BindingResult: reject("key"...), rejectValue("field", "key"...)
			Pattern.compile("\\.reject\\(\\s*\"([^\"]+)\""),
			Pattern.compile("\\.rejectValue\\(\\s*\"[^\"]*\"\\s*,\\s*\"([^\"]+)\""),
			// Flash messages shown by the layout: addFlashAttribute("notice" | "problem", "key")
			Pattern.compile("addFlashAttribute\\(\\s*\"(?:notice|problem)\"\\s*,\\s*\"([^\"]+)\""),
			// MessageSource: getMessage("key", ...)
			Pattern.compile("getMessage\\(\\s*\"([^\"]+)\""));

	/** Any other string literal that looks like a key: "code.wrong", "verification.refused.cooldown". */
	private static final Pattern KEY_LIKE_LITERAL = Pattern.compile("\"([a-z][a-z0-9-]*(?:\\.[A-Za-z0-9-]+)+)\"");

	/** Key-like literals that are something else: settings, packages, metric names and file names. */
	private static final Pattern NOT_A_KEY = Pattern.compile(
			"(?:app|spring|server|management|logging|io|java|javax|jakarta|org|com|net|securityinfo)\\..*"
					+ "|.*\\.(?:html|properties|sql|css|js|svg|png|txt|json|xml|yml|yaml)");

	// Literal text in templates

	@Test
	void templatesHaveNoLiteralText() throws IOException {
		List<String> templates = templates();
		assertThat(templates).as("templates found").hasSizeGreaterThan(5);
		List<String> findings = new ArrayList<>();
		for (String template : templates) {
			LiteralTextChecker.check(read(TEMPLATES.resolve(template)))
				.forEach(finding -> findings.add(template + ":" + finding));
		}

		assertThat(findings).as("literal text in templates; use #{...} from messages.properties").isEmpty();
	}

	@Test
	void literalTextCheckerReportsALiteralWord() {
		String html = """
				<section>
				  <h1 th:text="#{page.heading}">Heading</h1>
				  <p>Hello</p>
				</section>
				""";

		assertThat(LiteralTextChecker.check(html)).containsExactly("3: text \"Hello\"");
	}

	@Test
	void literalTextCheckerReportsLiteralUserVisibleAttributes() {
		String html = """
				<form>
				  <input name="q" placeholder="Search">
				  <img src="a.png" alt="Logo">
				  <a href="/" title="Home" th:text="#{nav.home}">Home</a>
				  <nav aria-label="Main"></nav>
				  <button type="submit" value="Go"></button>
				  <input type="submit" value="Send">
				  <input type="text" value="prefilled">
				</form>
				""";

		assertThat(LiteralTextChecker.check(html)).containsExactly("2: placeholder=\"Search\"", "3: alt=\"Logo\"",
				"4: title=\"Home\"", "5: aria-label=\"Main\"", "6: value=\"Go\"", "7: value=\"Send\"");
	}

	@Test
	void literalTextCheckerAcceptsWhatThymeleafReplacesOrWhatIsNoWord() {
		String html = """
				<!DOCTYPE html>
				<html xmlns:th="https://www.thymeleaf.org">
				<!-- A comment with words -->
				<!--/* A parser-level comment with words */-->
				<body>
				  <p th:text="#{a}">Prototype <b>text</b> in a <em>nested</em> element</p>
				  <p th:utext="#{b}">Prototype</p>
				  <div th:replace="~{fragments/x :: y}"><p>Prototype</p></div>
				  <th:block th:replace="${content}">content</th:block>
				  <p class="field-error" th:errors="*{code}">Error</p>
				  <p th:if="${x > 1}" data-th-text="#{c}">Prototype</p>
				  <input th:placeholder="#{d}" placeholder="Prototype" th:attr="title=#{e}" title="Prototype">
				  <nav th:attr="aria-label=#{f}" aria-label="Prototype"></nav>
				  <img th:alt-title="#{g}" alt="Prototype" title="Prototype" src="a.png">
				  <p>[[#{inlined}]] &nbsp; &middot; &#8212; : - ( ) / |</p>
				  <input type="text" value="prefilled">
				</body>
				</html>
				""";

		assertThat(LiteralTextChecker.check(html)).isEmpty();
	}

	@Test
	void literalTextCheckerChecksThePageThatALayoutReplacementPassesOnItself() {
		String html = """
				<html th:replace="~{fragments/layout :: layout (#{title}, ~{::section})}">
				<body>
				<section>
				  <h1>Literal heading</h1>
				</section>
				</body>
				</html>
				""";

		assertThat(LiteralTextChecker.check(html)).containsExactly("4: text \"Literal heading\"");
	}

	// Message keys

	@Test
	void everyMessageKeyUsedInTemplatesExists() throws IOException {
		Set<String> messages = englishMessages().stringPropertyNames();
		Map<String, String> used = new TreeMap<>();
		for (String template : templates()) {
			String html = read(TEMPLATES.resolve(template));
			for (Pattern keyUse : TEMPLATE_KEY_USES) {
				Matcher key = keyUse.matcher(html);
				while (key.find()) {
					used.putIfAbsent(key.group(1), template);
				}
			}
		}

		assertThat(used).as("keys found in templates").containsKeys("page.title", "signin.failed", "code.sent.call");
		assertThat(missing(used, messages)).as("keys used in templates but missing from messages.properties")
			.isEmpty();
	}

	@Test
	void everyMessageKeyUsedInJavaExists() throws IOException {
		Set<String> messages = englishMessages().stringPropertyNames();
		Map<String, String> used = javaMessageKeys();

		assertThat(used).as("keys found in Java code")
			.containsKeys("phone.region.required", "phone.number.invalid", "code.resent", "defaultmethod.changed",
					"verification.refused.cooldown", "verification.sms.body", "code.wrong");
		assertThat(missing(used, messages)).as("keys used in Java code but missing from messages.properties")
			.isEmpty();
	}

	@Test
	void everyKeyOfTheDynamicFamiliesExists() throws IOException {
		Set<String> messages = englishMessages().stringPropertyNames();
		assertThat(DYNAMIC_KEY_FAMILIES.get("outbox.kind.")).as("Outbox.Kind values")
			.containsExactlyInAnyOrderElementsOf(Stream.of(Outbox.Kind.values()).map(Outbox.Kind::name).toList());

		List<String> missing = DYNAMIC_KEY_FAMILIES.entrySet()
			.stream()
			.flatMap(family -> family.getValue().stream().map(value -> family.getKey() + value))
			.filter(key -> !messages.contains(key))
			.sorted()
			.toList();

		assertThat(missing).as("keys of dynamic families missing from messages.properties").isEmpty();
	}

	@Test
	void everyKeyTemplatesBuildFromAPrefixBelongsToAKnownFamily() throws IOException {
		Map<String, String> prefixes = new TreeMap<>();
		for (String template : templates()) {
			Matcher prefix = DYNAMIC_KEY_PREFIX.matcher(read(TEMPLATES.resolve(template)));
			while (prefix.find()) {
				prefixes.putIfAbsent(prefix.group(1), template);
			}
		}

		assertThat(prefixes).as("keys built from a prefix in templates").containsKey("phone.mode.");
		assertThat(prefixes.keySet()).as("prefixes in templates; list each new one in DYNAMIC_KEY_FAMILIES")
			.isSubsetOf(DYNAMIC_KEY_FAMILIES.keySet());
	}

	@Test
	void everyTranslationHasTheSameKeysAsTheEnglishMessages() throws IOException {
		Set<String> english = englishMessages().stringPropertyNames();
		List<String> differences = new ArrayList<>();
		try (Stream<Path> files = Files.list(MESSAGES)) {
			for (Path file : files.filter(path -> path.getFileName().toString().matches("messages_.+\\.properties"))
				.sorted()
				.toList()) {
				differences.addAll(keyDifferences(english, load(read(file)).stringPropertyNames(),
						file.getFileName().toString()));
			}
		}

		assertThat(differences).isEmpty();
	}

	@Test
	void everyTranslationWritesEachMessageInItsOwnLanguage() throws IOException {
		Properties english = englishMessages();
		List<String> same = new ArrayList<>();
		for (Path file : translations()) {
			same.addAll(untranslated(english, load(read(file)), file.getFileName().toString()));
		}

		assertThat(same).as("messages a translation writes as English does (allowed: SAME_IN_EVERY_LANGUAGE)")
			.isEmpty();
	}

	@Test
	void untranslatedNamesMessagesWrittenAsInEnglishButWordlessAndAllowedOnes() throws IOException {
		Properties english = load("""
				a=Save
				b={0} - {1} {2}
				c=\\u2014
				audit.occurred-at={0} UTC
				d={0,choice,1#one try|1<{0} tries}
				e=Next
				""");
		Properties dutch = load("""
				a=Opslaan
				b={0} - {1} {2}
				c=\\u2014
				audit.occurred-at={0} UTC
				d={0,choice,1#one try|1<{0} tries}
				e=Next
				""");

		assertThat(untranslated(english, dutch, "messages_nl.properties")).containsExactly(
				"messages_nl.properties d={0,choice,1#one try|1<{0} tries}", "messages_nl.properties e=Next");
	}

	@Test
	void everyTranslationHasTheEnglishMessagesPlaceholders() throws IOException {
		Properties english = englishMessages();
		List<String> differences = new ArrayList<>();
		for (Path file : translations()) {
			differences.addAll(placeholderDifferences(english, load(read(file)), file.getFileName().toString()));
		}

		assertThat(differences).as("messages whose arguments differ from the English message's").isEmpty();
	}

	@Test
	void placeholderDifferencesNameMissingExtraAndDifferentlyFormattedArguments() throws IOException {
		Properties english = load("""
				a=Wait {0} seconds.
				b=Account {0,number,#}
				c={0} of {1}
				d={0,choice,1#1 try|1<{0} tries} left
				e=Hello {0}
				""");
		Properties dutch = load("""
				a=Wacht {1} seconden.
				b=Account {0}
				c={1} van {0}
				d=Nog {0,choice,1#1 poging|1<{0} pogingen}
				e=Hallo
				""");

		assertThat(placeholderDifferences(english, dutch, "messages_nl.properties")).containsExactly(
				"messages_nl.properties a: [{1}] instead of [{0}]",
				"messages_nl.properties b: [{0}] instead of [{0,number}]",
				"messages_nl.properties e: [] instead of [{0}]");
	}

	@Test
	void keyDifferencesNameMissingAndExtraKeys() {
		List<String> differences = keyDifferences(Set.of("a", "b"), Set.of("b", "c"), "messages_nl.properties");

		assertThat(differences).containsExactly("messages_nl.properties lacks a", "messages_nl.properties has extra c");
	}

	@Test
	void everyApostropheIsWrittenTwiceAsMessageFormatNeeds() throws IOException {
		List<Path> files = new ArrayList<>(translations());
		files.add(0, MESSAGES.resolve("messages.properties"));
		List<String> lone = new ArrayList<>();
		for (Path file : files) {
			Properties messages = load(read(file));
			messages.stringPropertyNames()
				.stream()
				.filter(key -> messages.getProperty(key).replace("''", "").contains("'"))
				.sorted()
				.forEach(key -> lone.add(file.getFileName() + " " + key));
		}

		assertThat(lone).as("messages with a single ' (MessageFormat drops it; write '')").isEmpty();
	}

	/**
	 * The message keys passed as string literals in main code, with the file each was first seen in: the
	 * arguments of the calls that take a key, and any other key-like literal outside annotations and comments,
	 * so that an exception or enum carrying a key is checked too.
	 */
	private static Map<String, String> javaMessageKeys() throws IOException {
		Map<String, String> keys = new TreeMap<>();
		List<Path> sources;
		try (Stream<Path> files = Files.walk(MAIN_JAVA)) {
			sources = files.filter(path -> path.toString().endsWith(".java")).sorted().toList();
		}
		for (Path source : sources) {
			String code = read(source);
			String where = MAIN_JAVA.relativize(source).toString().replace('\\', '/');
			for (Pattern keyUse : JAVA_KEY_USES) {
				Matcher key = keyUse.matcher(code);
				while (key.find()) {
					keys.putIfAbsent(key.group(1), where);
				}
			}
			for (String line : code.lines().map(String::strip).toList()) {
				if (line.startsWith("@") || line.startsWith("*") || line.startsWith("/*") || line.startsWith("//")) {
					continue;
				}
				Matcher literal = KEY_LIKE_LITERAL.matcher(line);
				while (literal.find()) {
					if (!NOT_A_KEY.matcher(literal.group(1)).matches()) {
						keys.putIfAbsent(literal.group(1), where);
					}
				}
			}
		}
		return keys;
	}

	private static List<String> missing(Map<String, String> used, Set<String> messages) {
		return used.entrySet()
			.stream()
			.filter(use -> !messages.contains(use.getKey()))
			.map(use -> use.getKey() + " (" + use.getValue() + ")")
			.toList();
	}

	/** The messages of a translation that are the English ones word for word, but for those allowed to be. */
	private static List<String> untranslated(Properties english, Properties translated, String fileName) {
		return new TreeSet<>(english.stringPropertyNames()).stream()
			.filter(key -> english.getProperty(key).equals(translated.getProperty(key)))
			.filter(key -> !SAME_IN_EVERY_LANGUAGE.containsKey(key) && hasWords(english.getProperty(key)))
			.map(key -> fileName + " " + key + "=" + translated.getProperty(key))
			.toList();
	}

	private static boolean hasWords(String message) {
		return WORDLESS_PLACEHOLDER.matcher(message).replaceAll("").codePoints().anyMatch(Character::isLetter);
	}

	/** The messages of a translation whose arguments (index and format type) are not the English message's. */
	private static List<String> placeholderDifferences(Properties english, Properties translated, String fileName) {
		List<String> differences = new ArrayList<>();
		for (String key : new TreeSet<>(english.stringPropertyNames())) {
			if (translated.getProperty(key) == null) {
				continue;
			}
			Set<String> expected = placeholders(english.getProperty(key));
			Set<String> found = placeholders(translated.getProperty(key));
			if (!expected.equals(found)) {
				differences.add(fileName + " " + key + ": " + found + " instead of " + expected);
			}
		}
		return differences;
	}

	/** Each argument a message takes, as "{0}" or with its format type, "{0,choice}". */
	private static Set<String> placeholders(String message) {
		Set<String> placeholders = new TreeSet<>();
		Matcher placeholder = PLACEHOLDER.matcher(message);
		while (placeholder.find()) {
			String type = placeholder.group(2) == null ? "" : "," + placeholder.group(2);
			placeholders.add("{" + placeholder.group(1) + type + "}");
		}
		return placeholders;
	}

	/** Every messages file but the English one. */
	private static List<Path> translations() throws IOException {
		try (Stream<Path> files = Files.list(MESSAGES)) {
			List<Path> found = files
				.filter(path -> path.getFileName().toString().matches("messages_.+\\.properties"))
				.sorted()
				.toList();
			assertThat(found).as("translations").isNotEmpty();
			return found;
		}
	}

	private static List<String> keyDifferences(Set<String> english, Set<String> translated, String fileName) {
		List<String> differences = new ArrayList<>();
		new TreeSet<>(english).stream()
			.filter(key -> !translated.contains(key))
			.forEach(key -> differences.add(fileName + " lacks " + key));
		new TreeSet<>(translated).stream()
			.filter(key -> !english.contains(key))
			.forEach(key -> differences.add(fileName + " has extra " + key));
		return differences;
	}

	private static Properties englishMessages() throws IOException {
		Properties messages = load(read(MESSAGES.resolve("messages.properties")));
		assertThat(messages).as("messages.properties").hasSizeGreaterThan(50);
		return messages;
	}

	private static Properties load(String text) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = new StringReader(text)) {
			properties.load(reader);
		}
		return properties;
	}

	/** Every template, as a path relative to the templates folder. */
	private static List<String> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter(path -> path.toString().endsWith(".html"))
				.map(path -> TEMPLATES.relativize(path).toString().replace('\\', '/'))
				.sorted()
				.toList();
		}
	}

	private static String read(Path file) throws IOException {
		return Files.readString(file, StandardCharsets.UTF_8);
	}

	/**
	 * Finds text a person would read that a template writes literally instead of taking from the messages: text
	 * between tags and user-visible attributes. Text that Thymeleaf replaces (the body of an element with
	 * {@code th:text}, {@code th:utext}, {@code th:errors}, {@code th:replace} or {@code th:insert}) is prototype
	 * text and fine, as are comments, whitespace, punctuation and {@code [[...]]} inlined expressions.
	 *
	 * <p>
	 * A small tokenizer rather than an HTML parser: it reads quoted attribute values whole (so {@code >} inside
	 * an expression does not end a tag) and reports line numbers.
	 */
	static final class LiteralTextChecker {

		private static final Set<String> VOID_ELEMENTS = Set.of("area", "base", "br", "col", "embed", "hr", "img",
				"input", "link", "meta", "source", "track", "wbr");

		private static final Set<String> RAW_TEXT_ELEMENTS = Set.of("script", "style");

		/** Attributes that replace the element's body with what an expression produces. */
		private static final Set<String> BODY_REPLACING = Set.of("th:text", "th:utext", "th:errors", "th:replace",
				"th:insert", "th:include");

		private static final Set<String> USER_VISIBLE_ATTRIBUTES = Set.of("placeholder", "title", "alt",
				"aria-label", "aria-description", "aria-placeholder", "aria-roledescription", "aria-valuetext",
				"label");

		private static final Set<String> BUTTON_INPUT_TYPES = Set.of("submit", "button", "reset");

		/** A fragment expression that takes part of this same template, as a layout call passing ~{::section}. */
		private static final Pattern SELF_REFERENCE = Pattern.compile("~\\{\\s*(?:this\\s*)?::");

		private static final Pattern INLINED_EXPRESSION = Pattern.compile("\\[\\[.*?]]|\\[\\(.*?\\)]",
				Pattern.DOTALL);

		private static final Pattern CHARACTER_REFERENCE = Pattern.compile("&(?:#\\d+|#x[0-9a-fA-F]+|[A-Za-z]+);");

		private record Element(String name, boolean bodyReplaced) {
		}

		private LiteralTextChecker() {
		}

		/** Each finding as "line: what", in document order. */
		static List<String> check(String html) {
			List<String> findings = new ArrayList<>();
			Deque<Element> open = new ArrayDeque<>();
			int at = 0;
			while (at < html.length()) {
				if (html.startsWith("<!--", at)) {
					at = after(html, "-->", at + 4);
				}
				else if (html.startsWith("<!", at) || html.startsWith("<?", at)) {
					at = after(html, ">", at + 2);
				}
				else if (html.startsWith("</", at)) {
					int end = after(html, ">", at + 2);
					String name = html.substring(at + 2, end - 1).strip().toLowerCase(Locale.ROOT);
					close(open, name);
					at = end;
				}
				else if (html.charAt(at) == '<' && at + 1 < html.length() && Character.isLetter(html.charAt(at + 1))) {
					at = openTag(html, at, open, findings);
				}
				else {
					int end = html.indexOf('<', at + 1);
					end = end < 0 ? html.length() : end;
					checkText(html, at, end, open, findings);
					at = end;
				}
			}
			return findings;
		}

		private static int openTag(String html, int start, Deque<Element> open, List<String> findings) {
			int at = start + 1;
			int nameEnd = at;
			while (nameEnd < html.length() && isNameChar(html.charAt(nameEnd))) {
				nameEnd++;
			}
			String name = html.substring(at, nameEnd).toLowerCase(Locale.ROOT);
			Map<String, String> attributes = new LinkedHashMap<>();
			at = nameEnd;
			boolean selfClosing = false;
			while (at < html.length()) {
				char c = html.charAt(at);
				if (Character.isWhitespace(c)) {
					at++;
				}
				else if (c == '>') {
					at++;
					break;
				}
				else if (html.startsWith("/>", at)) {
					selfClosing = true;
					at += 2;
					break;
				}
				else {
					int attributeEnd = at;
					while (attributeEnd < html.length() && !Character.isWhitespace(html.charAt(attributeEnd))
							&& "=>".indexOf(html.charAt(attributeEnd)) < 0 && !html.startsWith("/>", attributeEnd)) {
						attributeEnd++;
					}
					String attribute = normalize(html.substring(at, Math.max(attributeEnd, at + 1)));
					at = Math.max(attributeEnd, at + 1);
					String value = "";
					int equals = skipWhitespace(html, at);
					if (equals < html.length() && html.charAt(equals) == '=') {
						int valueStart = skipWhitespace(html, equals + 1);
						char quote = valueStart < html.length() ? html.charAt(valueStart) : ' ';
						if (quote == '"' || quote == '\'') {
							int valueEnd = html.indexOf(quote, valueStart + 1);
							valueEnd = valueEnd < 0 ? html.length() : valueEnd;
							value = html.substring(valueStart + 1, valueEnd);
							at = Math.min(valueEnd + 1, html.length());
						}
						else {
							int valueEnd = valueStart;
							while (valueEnd < html.length() && !Character.isWhitespace(html.charAt(valueEnd))
									&& html.charAt(valueEnd) != '>') {
								valueEnd++;
							}
							value = html.substring(valueStart, valueEnd);
							at = valueEnd;
						}
					}
					attributes.putIfAbsent(attribute, value);
				}
			}
			boolean insideReplaced = !open.isEmpty() && open.peek().bodyReplaced();
			boolean replacedWhole = replacesWholeElement(attributes);
			if (!insideReplaced && !replacedWhole) {
				checkAttributes(name, attributes, lineOf(html, start), findings);
			}
			boolean bodyReplaced = insideReplaced || replacesBody(name, attributes);
			if (RAW_TEXT_ELEMENTS.contains(name) && !selfClosing) {
				return after(html, ">", after(html, "</" + name, at));
			}
			if (!selfClosing && !VOID_ELEMENTS.contains(name)) {
				open.push(new Element(name, bodyReplaced));
			}
			return at;
		}

		private static boolean replacesBody(String name, Map<String, String> attributes) {
			for (String attribute : BODY_REPLACING) {
				if (attributes.containsKey(attribute) && !SELF_REFERENCE.matcher(attributes.get(attribute)).find()) {
					return true;
				}
			}
			String remove = attributes.getOrDefault("th:remove", "").strip();
			return remove.equals("all") || remove.equals("body")
					|| (name.equals("textarea") && attributes.containsKey("th:field"));
		}

		private static boolean replacesWholeElement(Map<String, String> attributes) {
			String replace = attributes.get("th:replace");
			return (replace != null && !SELF_REFERENCE.matcher(replace).find())
					|| attributes.getOrDefault("th:remove", "").strip().equals("all");
		}

		private static void checkAttributes(String element, Map<String, String> attributes, int line,
				List<String> findings) {
			String thAttr = attributes.getOrDefault("th:attr", "");
			String altTitle = attributes.containsKey("th:alt-title") ? "alt title" : "";
			attributes.forEach((attribute, value) -> {
				boolean userVisible = USER_VISIBLE_ATTRIBUTES.contains(attribute)
						|| (attribute.equals("value") && isButton(element, attributes));
				boolean setByExpression = attributes.containsKey("th:" + attribute)
						|| Pattern.compile("(?:^|[\\s,])" + Pattern.quote(attribute) + "\\s*=").matcher(thAttr).find()
						|| altTitle.contains(attribute);
				if (userVisible && !setByExpression && hasWords(value)) {
					findings.add(line + ": " + attribute + "=\"" + value + "\"");
				}
			});
		}

		private static boolean isButton(String element, Map<String, String> attributes) {
			return element.equals("button") || (element.equals("input")
					&& BUTTON_INPUT_TYPES.contains(attributes.getOrDefault("type", "").toLowerCase(Locale.ROOT)));
		}

		private static void checkText(String html, int start, int end, Deque<Element> open, List<String> findings) {
			if (!open.isEmpty() && open.peek().bodyReplaced()) {
				return;
			}
			String text = html.substring(start, end);
			if (hasWords(text)) {
				int firstVisible = start;
				while (Character.isWhitespace(html.charAt(firstVisible))) {
					firstVisible++;
				}
				findings.add(lineOf(html, firstVisible) + ": text \"" + text.strip().replaceAll("\\s+", " ") + "\"");
			}
		}

		private static boolean hasWords(String text) {
			String withoutExpressions = CHARACTER_REFERENCE
				.matcher(INLINED_EXPRESSION.matcher(text).replaceAll(" "))
				.replaceAll(" ");
			return withoutExpressions.codePoints().anyMatch(Character::isLetterOrDigit);
		}

		private static void close(Deque<Element> open, String name) {
			if (open.stream().noneMatch(element -> element.name().equals(name))) {
				return;
			}
			while (!open.isEmpty() && !open.pop().name().equals(name)) {
				// Elements left open inside this one (a <p> without </p>) end with it.
			}
		}

		/** {@code data-th-text} is {@code th:text} written as a valid HTML5 attribute. */
		private static String normalize(String attribute) {
			String lower = attribute.toLowerCase(Locale.ROOT);
			return lower.startsWith("data-th-") ? "th:" + lower.substring("data-th-".length()) : lower;
		}

		private static boolean isNameChar(char c) {
			return Character.isLetterOrDigit(c) || c == ':' || c == '-' || c == '_';
		}

		private static int skipWhitespace(String html, int at) {
			while (at < html.length() && Character.isWhitespace(html.charAt(at))) {
				at++;
			}
			return at;
		}

		private static int after(String html, String token, int from) {
			int found = html.indexOf(token, from);
			return found < 0 ? html.length() : found + token.length();
		}

		private static int lineOf(String html, int index) {
			int line = 1;
			for (int i = 0; i < index; i++) {
				if (html.charAt(i) == '\n') {
					line++;
				}
			}
			return line;
		}

	}

}
