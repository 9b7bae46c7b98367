package io.securityinfo.account;

import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of a page, in this order: the signed-in person's choice (My Profile, or the language switch while
 * signed in), else the one picked with the language switch in this browser (a cookie), else the browser's first
 * language the app speaks ({@code Accept-Language}: nl-NL and nl-BE are Dutch), else {@link Language#DEFAULT}.
 * <p>
 * A person's choice costs no query: it comes with the session's principal from sign-in, and a choice made during
 * the session is kept in the session over it. Nothing here reads the database, so that the page that says the
 * database cannot be reached is in the right language too.
 */
class LanguageResolver implements LocaleResolver {

	/** The language switch's request parameter ({@code ?lang=nl}) and the cookie that remembers it. */
	static final String PARAMETER = "lang";

	static final String COOKIE = "lang";

	static final Duration COOKIE_LIFETIME = Duration.ofDays(365);

	/** A choice the signed-in person made during this session, by tag ("" for none), over their principal's. */
	static final String SESSION_ATTRIBUTE = LanguageResolver.class.getName() + ".CHOSEN";

	/** The language set during this request, which its cookie and choice only tell the next requests. */
	private static final String REQUEST_ATTRIBUTE = LanguageResolver.class.getName() + ".SET";

	private final ObjectProvider<Accounts> accounts;

	/** @param accounts where a signed-in person's choice is saved; looked up on first use, after start-up */
	LanguageResolver(ObjectProvider<Accounts> accounts) {
		this.accounts = accounts;
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		return language(request).locale();
	}

	Language language(HttpServletRequest request) {
		if (request.getAttribute(REQUEST_ATTRIBUTE) instanceof Language set) {
			return set;
		}
		return chosen(request).or(() -> fromCookie(request)).orElseGet(() -> browserLanguage(request));
	}

	/**
	 * Makes this language the page's, remembers it in this browser and, for a signed-in person, saves it as their
	 * choice. A locale in a language the app does not speak changes nothing.
	 * @param locale null to forget the choice: the browser's language then
	 */
	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		Optional<Language> language = Language.of(locale);
		if (locale != null && language.isEmpty()) {
			return;
		}
		String tag = language.map(Language::tag).orElse("");
		signedInUser().ifPresent(user -> {
			accounts.getObject().chooseLanguage(user.id(), language.orElse(null));
			request.getSession().setAttribute(SESSION_ATTRIBUTE, tag);
		});
		if (response != null) {
			response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, tag).toString());
		}
		request.setAttribute(REQUEST_ATTRIBUTE, language.orElseGet(() -> browserLanguage(request)));
	}

	/** The signed-in person's choice, if they made one. */
	Optional<Language> chosen(HttpServletRequest request) {
		Optional<SignedInUser> user = signedInUser();
		if (user.isEmpty()) {
			return Optional.empty();
		}
		HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof String tag) {
			return Language.ofTag(tag);
		}
		return user.get().language();
	}

	private static Optional<Language> fromCookie(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return Optional.empty();
		}
		for (Cookie cookie : cookies) {
			if (COOKIE.equals(cookie.getName())) {
				return Language.ofTag(cookie.getValue());
			}
		}
		return Optional.empty();
	}

	/** Without the header, the servlet container answers its own default locale, which is no browser's wish. */
	private static Language browserLanguage(HttpServletRequest request) {
		if (request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null) {
			return Language.DEFAULT;
		}
		return Language.firstOf(Collections.list(request.getLocales())).orElse(Language.DEFAULT);
	}

	/** An empty tag removes the cookie. */
	private static ResponseCookie cookie(HttpServletRequest request, String tag) {
		String path = request.getContextPath().isEmpty() ? "/" : request.getContextPath();
		return ResponseCookie.from(COOKIE, tag)
			.path(path)
			.maxAge(tag.isEmpty() ? Duration.ZERO : COOKIE_LIFETIME)
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Lax")
			.build();
	}

	private static Optional<SignedInUser> signedInUser() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof SignedInUser user
				? Optional.of(user) : Optional.empty();
	}

}
