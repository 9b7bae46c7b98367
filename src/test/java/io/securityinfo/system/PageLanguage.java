package io.securityinfo.system;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.securityinfo.Browser;

/**
 * The language a browser test expects a page in, and, for a translation, the English it must not show: each
 * English message that differs from its translation, as the page would render it. A message with arguments
 * ("We just sent a code to {0}.") matches any text with its words around them, as long as it has words of its own
 * to match by.
 */
record PageLanguage(String tag, Set<String> englishTexts, List<Pattern> englishPatterns) {

	private static final Path MESSAGES = Path.of("src/main/resources/messages");

	private static final Pattern ARGUMENT = Pattern.compile("\\{\\d+(?:,[^}]*)?\\}");

	/** Letters a pattern must have outside its arguments, so that "{0} - {1}" does not match everything. */
	private static final int MIN_LETTERS = 8;

	/**
	 * Every text node a person sees, and the words of the attributes read out in its place (alt, aria-label,
	 * placeholder, title), with white space made single; parts marked with a language of their own (a link to the
	 * English page, lang="en") are left out.
	 */
	private static final String VISIBLE_TEXTS = """
			const texts = [];
			const ownLanguage = element => {
			  const marked = element.closest('[lang]');
			  return !marked || marked === document.documentElement;
			};
			const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
			while (walker.nextNode()) {
			  const node = walker.currentNode;
			  const text = node.textContent.replace(/\\s+/g, ' ').trim();
			  const element = node.parentElement;
			  if (text && element.checkVisibility() && ownLanguage(element)) {
			    texts.push(text);
			  }
			}
			for (const element of document.body.querySelectorAll('[alt], [aria-label], [placeholder], [title]')) {
			  if (ownLanguage(element)) {
			    for (const name of ['alt', 'aria-label', 'placeholder', 'title']) {
			      const value = (element.getAttribute(name) || '').replace(/\\s+/g, ' ').trim();
			      if (value) {
			        texts.push(value);
			      }
			    }
			  }
			}
			return texts;
			""";

	static PageLanguage of(String tag) {
		if (tag.equals("en")) {
			return new PageLanguage(tag, Set.of(), List.of());
		}
		Properties english = load("messages.properties");
		Properties translated = load("messages_" + tag + ".properties");
		Set<String> translatedTexts = new HashSet<>();
		translated.stringPropertyNames().forEach(key -> translatedTexts.add(rendered(translated.getProperty(key))));
		Set<String> texts = new HashSet<>();
		List<Pattern> patterns = new ArrayList<>();
		for (String key : english.stringPropertyNames()) {
			String value = english.getProperty(key);
			if (value.equals(translated.getProperty(key))) {
				continue;
			}
			if (ARGUMENT.matcher(value).find()) {
				pattern(value).ifPresent(patterns::add);
			}
			else if (!translatedTexts.contains(rendered(value))) {
				texts.add(rendered(value));
			}
		}
		return new PageLanguage(tag, Set.copyOf(texts), List.copyOf(patterns));
	}

	/** The English the page shows though it is in another language; empty for English pages. */
	List<String> untranslated(Browser browser) {
		if (englishTexts.isEmpty() && englishPatterns.isEmpty()) {
			return List.of();
		}
		@SuppressWarnings("unchecked")
		List<String> shown = (List<String>) browser.script(VISIBLE_TEXTS);
		return shown.stream()
			.filter(text -> englishTexts.contains(text)
					|| englishPatterns.stream().anyMatch(pattern -> pattern.matcher(text).matches()))
			.distinct()
			.toList();
	}

	/** A message without arguments as the page shows it: MessageFormat's quoting undone ("can''t" is "can't"). */
	private static String rendered(String message) {
		String text = ARGUMENT.matcher(message).find() ? message : new MessageFormat(message).format(new Object[0]);
		return text.replaceAll("\\s+", " ").trim();
	}

	private static Optional<Pattern> pattern(String message) {
		String quotesUndone = message.replace("''", "'").replaceAll("\\s+", " ").trim();
		Matcher argument = ARGUMENT.matcher(quotesUndone);
		StringBuilder regex = new StringBuilder();
		int letters = 0;
		int last = 0;
		while (argument.find()) {
			String words = quotesUndone.substring(last, argument.start());
			letters += words.replaceAll("[^\\p{L}]", "").length();
			regex.append(Pattern.quote(words)).append(".+");
			last = argument.end();
		}
		String tail = quotesUndone.substring(last);
		letters += tail.replaceAll("[^\\p{L}]", "").length();
		regex.append(Pattern.quote(tail));
		return letters >= MIN_LETTERS ? Optional.of(Pattern.compile(regex.toString(), Pattern.DOTALL))
				: Optional.empty();
	}

	private static Properties load(String file) {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(MESSAGES.resolve(file), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

}
