package io.securityinfo.phone;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber;

import org.springframework.stereotype.Component;

/** Every parse, validation and format of a phone number, done by libphonenumber. */
@Component
public class PhoneNumbers {

	private static final String DOT = "\u2022";

	/** A number masked when it cannot be read: no digit shows. */
	private static final String HIDDEN = "+" + DOT + DOT;

	private static final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

	/** ITU-T E.164: a country code and national number of at most 15 digits together. */
	private static final int MAX_E164_DIGITS = 15;

	/**
	 * Numbers as shown, by E.164 form: every Security info page shows each of a person's numbers, and parsing one
	 * costs more than the rest of the page's row. Bounded, since it holds any number anyone shows.
	 */
	private final Cache<String, String> internationalForms = Caffeine.newBuilder().maximumSize(10_000).build();

	/**
	 * The region list by language: about 245 names, each looked up and collated, for every phone page. The locale
	 * comes from the browser, so the cache is bounded too.
	 */
	private final Cache<Locale, List<Region>> regionsByLocale = Caffeine.newBuilder().maximumSize(50).build();

	/** A country or region people can pick a number of, such as "Netherlands (+31)". */
	public record Region(String code, String name, int callingCode) {

		public String label() {
			return name + " (+" + callingCode + ")";
		}

	}

	/**
	 * Reads what a person typed for the region they picked. A number typed with its international prefix
	 * ("+44 …") is read as such, whatever the region.
	 * @return the number, with the region it belongs to; empty when it is not a valid number
	 */
	public Optional<PhoneNumber> read(String regionCode, String input) {
		if (input == null || input.isBlank()) {
			return Optional.empty();
		}
		String region = regionCode == null ? "" : regionCode.strip().toUpperCase(Locale.ROOT);
		if (!input.strip().startsWith("+") && !util.getSupportedRegions().contains(region)) {
			return Optional.empty();
		}
		try {
			Phonenumber.PhoneNumber number = util.parse(input, region);
			if (!util.isValidNumber(number)) {
				return Optional.empty();
			}
			String e164 = util.format(number, PhoneNumberFormat.E164);
			// libphonenumber takes some German fixed lines of up to 17 digits as valid; E.164, and so every SMS
			// provider, stops at 15 (found by PhoneNumbersFuzzTests: "+49894435878444448").
			return e164.length() - 1 > MAX_E164_DIGITS ? Optional.empty()
					: Optional.of(new PhoneNumber(e164, util.getRegionCodeForNumber(number), null));
		}
		catch (NumberParseException ex) {
			return Optional.empty();
		}
	}

	/**
	 * {@link #read} for those who need only the number.
	 * @return the number in E.164 form, or empty when it is not a valid number
	 */
	public Optional<String> parse(String regionCode, String input) {
		return read(regionCode, input).map(PhoneNumber::e164);
	}

	/**
	 * A number as it was stored or sent before: E.164, with an extension when {@link PhoneNumber#stored()} wrote
	 * one.
	 */
	public PhoneNumber ofStored(String stored) {
		String e164 = PhoneNumber.e164Of(stored);
		return new PhoneNumber(e164, regionOf(e164), PhoneNumber.extensionOf(stored));
	}

	/**
	 * Why this number can't receive codes the way asked, as the key of the message that tells the person; empty when
	 * it can. Mobile numbers receive texts and calls; fixed lines, calls only. VoIP numbers only when the policy lets
	 * them ({@code voipAllowed}), since anyone can get one in seconds. Every other kind costs the caller (premium
	 * rate, shared cost), is free to the caller but not to us (toll free, UAN, personal numbers forward at the
	 * caller's expense), or reaches no person (pager, voicemail): never.
	 * @param e164 a number {@link #parse} answered
	 * @param text whether the code is to be texted rather than spoken in a call
	 */
	public Optional<String> refusalFor(String e164, boolean text, boolean voipAllowed) {
		PhoneNumberType type;
		try {
			type = util.getNumberType(util.parse(e164, null));
		}
		catch (NumberParseException ex) {
			return Optional.of("phone.number.invalid");
		}
		return switch (type) {
			case MOBILE, FIXED_LINE_OR_MOBILE -> Optional.empty();
			case FIXED_LINE -> text ? Optional.of("phone.number.type.FIXED_LINE.text") : Optional.empty();
			case VOIP -> voipAllowed ? Optional.empty() : Optional.of("phone.number.type.VOIP");
			case PREMIUM_RATE, SHARED_COST, TOLL_FREE, UAN, PERSONAL_NUMBER, PAGER, VOICEMAIL ->
				Optional.of("phone.number.type." + type.name());
			default -> Optional.of("phone.number.type.UNKNOWN");
		};
	}

	/** Formats an E.164 number as people read it internationally: "+31 6 12345678". */
	public String formatInternational(String e164) {
		return internationalForms.get(e164, number -> util.format(toNumber(number), PhoneNumberFormat.INTERNATIONAL));
	}

	/** The region an E.164 number belongs to, such as "NL". */
	public String regionOf(String e164) {
		return util.getRegionCodeForNumber(toNumber(e164));
	}

	/** The number without its country calling code, as people type it nationally. */
	public String nationalNumber(String e164) {
		return util.format(toNumber(e164), PhoneNumberFormat.NATIONAL);
	}

	/**
	 * The one way a number is shown masked, on pages, in mails, texts and the audit log: the country calling code,
	 * the first digit of the number and its last two, the hidden digits as dots in groups of four counted from the
	 * end, "+31 6 •••• ••78". A number libphonenumber cannot read shows no digit at all.
	 */
	public static String mask(String e164) {
		if (e164 == null) {
			return HIDDEN;
		}
		Phonenumber.PhoneNumber number;
		try {
			number = util.parse(e164, "");
		}
		catch (NumberParseException ex) {
			return HIDDEN;
		}
		String national = util.getNationalSignificantNumber(number);
		if (national.length() < 4) {
			return "+" + number.getCountryCode() + " " + DOT.repeat(national.length());
		}
		String middle = national.substring(1, national.length() - 2);
		StringBuilder masked = new StringBuilder();
		for (int i = 0; i < middle.length() + 2; i++) {
			int fromEnd = middle.length() + 2 - i;
			masked.append(i < middle.length() ? DOT : national.charAt(national.length() - fromEnd));
			if (fromEnd > 1 && (fromEnd - 1) % 4 == 0) {
				masked.append(' ');
			}
		}
		return "+" + number.getCountryCode() + " " + national.charAt(0) + " " + masked;
	}

	/** Every region libphonenumber knows, named in the person's language and sorted by that name. */
	public List<Region> regions(Locale locale) {
		return regionsByLocale.get(locale, PhoneNumbers::regionsNamedIn);
	}

	private static List<Region> regionsNamedIn(Locale locale) {
		Collator collator = Collator.getInstance(locale);
		return util.getSupportedRegions()
			.stream()
			.map(code -> new Region(code, new Locale("", code).getDisplayCountry(locale),
					util.getCountryCodeForRegion(code)))
			.sorted(Comparator.comparing(Region::name, collator))
			.toList();
	}

	public boolean isKnownRegion(String regionCode) {
		return regionCode != null && util.getSupportedRegions().contains(regionCode);
	}

	private static Phonenumber.PhoneNumber toNumber(String e164) {
		try {
			return util.parse(e164, null);
		}
		catch (NumberParseException ex) {
			throw new IllegalArgumentException("Not an E.164 number", ex);
		}
	}

}
