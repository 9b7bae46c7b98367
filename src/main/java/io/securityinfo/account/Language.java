package io.securityinfo.account;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages the app speaks: each has its messages file ({@code messages/messages_<tag>.properties}, English in
 * {@code messages.properties}). Add one here together with its file; the language switch, My Profile and the
 * choice of a browser's language follow.
 */
public enum Language {

	ENGLISH("en"), DUTCH("nl");

	/** The language of a person who chose none and whose browser asks for none of these. */
	public static final Language DEFAULT = ENGLISH;

	private final String tag;

	private final Locale locale;

	Language(String tag) {
		this.tag = tag;
		this.locale = Locale.forLanguageTag(tag);
	}

	/** The BCP 47 tag, as in {@code <html lang>}, the {@code lang} parameter, the cookie and the account's column. */
	public String tag() {
		return tag;
	}

	public Locale locale() {
		return locale;
	}

	/** The language's name in itself ("Nederlands"), as a language switch shows it to those who read it. */
	public String autonym() {
		String name = locale.getDisplayLanguage(locale);
		return name.substring(0, 1).toUpperCase(locale) + name.substring(1);
	}

	/** {@code "nl"} → Dutch; anything else (unknown, blank, null, {@code "nl-NL"}) → empty. */
	public static Optional<Language> ofTag(String tag) {
		return Arrays.stream(values()).filter(language -> language.tag.equals(tag)).findFirst();
	}

	/** The language of a locale, whatever its country: nl-NL and nl-BE are Dutch. */
	public static Optional<Language> of(Locale locale) {
		if (locale == null) {
			return Optional.empty();
		}
		return Arrays.stream(values()).filter(language -> language.tag.equals(locale.getLanguage())).findFirst();
	}

	/** The first of these locales (a browser's, most wanted first) that is in a language the app speaks. */
	public static Optional<Language> firstOf(List<Locale> wanted) {
		return wanted.stream().map(Language::of).flatMap(Optional::stream).findFirst();
	}

}
