package io.securityinfo.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.text.Collator;
import java.util.List;
import java.util.Locale;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import io.securityinfo.phone.PhoneNumbers.Region;

class PhoneNumbersTests {

	private final PhoneNumbers phoneNumbers = new PhoneNumbers();

	@Test
	void parseWhenNationalNumberWithRegionThenE164() {
		assertThat(phoneNumbers.parse("NL", "06 12345678")).contains("+31612345678");
		assertThat(phoneNumbers.parse("NL", "06-1234 5678")).contains("+31612345678");
		assertThat(phoneNumbers.parse("GB", "07911 123456")).contains("+447911123456");
	}

	@Test
	void parseWhenRegionCodeIsLowerCaseOrPaddedThenStillRead() {
		assertThat(phoneNumbers.parse(" nl ", "06 12345678")).contains("+31612345678");
	}

	@Test
	void parseWhenNumberHasInternationalPrefixThenRegionIsIgnored() {
		assertThat(phoneNumbers.parse("NL", "+44 7911 123456")).contains("+447911123456");
		assertThat(phoneNumbers.parse("US", "+31 6 12345678")).contains("+31612345678");
		assertThat(phoneNumbers.parse(null, "+31 6 12345678")).contains("+31612345678");
		assertThat(phoneNumbers.parse("ZZ", "+31 6 12345678")).contains("+31612345678");
	}

	@Test
	void parseWhenNumberHasTheRegionsExitCodeThenStillRead() {
		assertThat(phoneNumbers.parse("NL", "00 44 7911 123456")).contains("+447911123456");
	}

	@ParameterizedTest
	@CsvSource({ "NL, 06 1234", "NL, 06 123456789012", "NL, 06 abcdefgh", "NL, phone", "GB, 07700 900123",
			"NL, 07911 123456", "US, 06 12345678" })
	void parseWhenNumberIsNotValidForTheRegionThenEmpty(String region, String input) {
		assertThat(phoneNumbers.parse(region, input)).isEmpty();
	}

	@Test
	void parseWhenNumberIsLongerThanE164AllowsThenEmpty() {
		// Valid for libphonenumber's German metadata, 17 digits: no SMS provider takes it.
		assertThat(phoneNumbers.parse("DE", "+49894435878444448")).isEmpty();
		assertThat(phoneNumbers.parse("DE", "+4989443587844")).contains("+4989443587844");
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "   " })
	void parseWhenInputIsMissingThenEmpty(String input) {
		assertThat(phoneNumbers.parse("NL", input)).isEmpty();
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "ZZ", "XX", "NLD", "001" })
	void parseWhenNationalNumberHasNoKnownRegionThenEmpty(String region) {
		assertThat(phoneNumbers.parse(region, "06 12345678")).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "AX, 041 2345678, +358412345678", "IM, 07924 123456, +447924123456",
			"GG, 07781 123456, +447781123456", "JE, 07797 712345, +447797712345",
			"AS, (684) 733-1234, +16847331234", "XK, 043 201 234, +38343201234", "CW, 9 518 1234, +59995181234",
			"BQ, 318 1234, +5993181234" })
	void parseWhenRegionIsUnusualThenItsNationalNumbersAreRead(String region, String input, String e164) {
		assertThat(phoneNumbers.parse(region, input)).contains(e164);
	}

	@ParameterizedTest
	@ValueSource(strings = { "AX", "IM", "GG", "JE", "AS", "GU", "MP", "VA", "SJ", "PM", "RE", "YT", "AC",
			"XK", "SX", "BQ", "CW", "FO", "GL", "KY", "BM" })
	void parseWhenRegionsOwnExampleMobileIsTypedNationallyThenItIsRead(String region) {
		PhoneNumberUtil util = PhoneNumberUtil.getInstance();
		PhoneNumber example = util.getExampleNumberForType(region, PhoneNumberType.MOBILE);
		assertThat(example).as("libphonenumber has an example mobile for " + region).isNotNull();

		assertThat(phoneNumbers.parse(region, util.format(example, PhoneNumberFormat.NATIONAL)))
			.contains(util.format(example, PhoneNumberFormat.E164));
	}

	@Test
	void regionOfWhenNumberIsE164ThenItsRegion() {
		assertThat(phoneNumbers.regionOf("+31612345678")).isEqualTo("NL");
		assertThat(phoneNumbers.regionOf("+447400123456")).isEqualTo("GB");
		assertThat(phoneNumbers.regionOf("+447781123456")).isEqualTo("GG");
		assertThat(phoneNumbers.regionOf("+16847331234")).isEqualTo("AS");
	}

	@Test
	void formatInternationalWhenNumberIsE164ThenGroupedAsPeopleReadIt() {
		assertThat(phoneNumbers.formatInternational("+31612345678")).isEqualTo("+31 6 12345678");
		assertThat(phoneNumbers.formatInternational("+447911123456")).isEqualTo("+44 7911 123456");
		assertThat(phoneNumbers.formatInternational("+16847331234")).isEqualTo("+1 684-733-1234");
	}

	@Test
	void nationalNumberWhenNumberIsE164ThenAsTypedInItsCountry() {
		assertThat(phoneNumbers.nationalNumber("+31612345678")).isEqualTo("06 12345678");
		assertThat(phoneNumbers.nationalNumber("+447911123456")).isEqualTo("07911 123456");
	}

	@Test
	void nationalNumberWhenReadBackForItsRegionThenSameNumber() {
		String e164 = "+358412345678";

		assertThat(phoneNumbers.parse(phoneNumbers.regionOf(e164), phoneNumbers.nationalNumber(e164))).contains(e164);
	}

	@Test
	void formatWhenInputIsNotE164ThenIllegalArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> phoneNumbers.formatInternational("06 12345678"));
	}

	@Test
	void maskWhenNumberIsE164ThenTheCountryCodeTheFirstDigitAndTheLastTwoShowInGroupsOfFour() {
		assertThat(PhoneNumbers.mask("+31612345678")).isEqualTo("+31 6 •••• ••78");
		assertThat(PhoneNumbers.mask("+31201234567")).isEqualTo("+31 2 •••• ••67");
		assertThat(PhoneNumbers.mask("+447911123456")).isEqualTo("+44 7 • •••• ••56");
		assertThat(PhoneNumbers.mask("+16847331234")).isEqualTo("+1 6 • •••• ••34");
	}

	@Test
	void maskWhenNumberIsMissingUnreadableOrTooShortThenNoDigitButTheCountryCodeShows() {
		assertThat(PhoneNumbers.mask(null)).isEqualTo("+••");
		assertThat(PhoneNumbers.mask("+1")).isEqualTo("+••");
		assertThat(PhoneNumbers.mask("not a number")).doesNotContainPattern("\\d");
		assertThat(PhoneNumbers.mask("+31123")).isEqualTo("+31 •••");
	}

	@Test
	void regionsWhenEnglishThenLabelledWithCallingCodeAndSortedByName() {
		List<Region> regions = phoneNumbers.regions(Locale.ENGLISH);

		assertThat(regions).extracting(Region::label)
			.contains("Netherlands (+31)", "United Kingdom (+44)", "Guernsey (+44)", "Åland Islands (+358)",
					"American Samoa (+1)");
		assertThat(regions).extracting(Region::name).isSortedAccordingTo(Collator.getInstance(Locale.ENGLISH));
		List<String> names = regions.stream().map(Region::name).toList();
		assertThat(names.indexOf("Åland Islands")).isLessThan(names.indexOf("Albania"));
		assertThat(names.indexOf("Netherlands")).isLessThan(names.indexOf("New Zealand"));
		assertThat(regions).extracting(Region::code).doesNotHaveDuplicates().hasSizeGreaterThan(200);
	}

	@Test
	void regionsWhenDutchThenNamedAndSortedInDutch() {
		List<Region> regions = phoneNumbers.regions(Locale.forLanguageTag("nl"));

		assertThat(regions).extracting(Region::label).contains("Nederland (+31)", "Verenigd Koninkrijk (+44)");
		assertThat(regions).extracting(Region::name)
			.isSortedAccordingTo(Collator.getInstance(Locale.forLanguageTag("nl")));
	}

	@Test
	void isKnownRegionWhenLibphonenumberSupportsItThenTrue() {
		assertThat(phoneNumbers.isKnownRegion("NL")).isTrue();
		assertThat(phoneNumbers.isKnownRegion("AX")).isTrue();
		assertThat(phoneNumbers.isKnownRegion("ZZ")).isFalse();
		assertThat(phoneNumbers.isKnownRegion(null)).isFalse();
	}

	@ParameterizedTest
	@CsvSource({ "+319001234567, phone.number.type.PREMIUM_RATE", "+448712345678, phone.number.type.PREMIUM_RATE",
			"+318001234567, phone.number.type.TOLL_FREE", "+31884123456, phone.number.type.UAN",
			"+31661234567, phone.number.type.PAGER", "+447012345678, phone.number.type.PERSONAL_NUMBER",
			"+31851234567, phone.number.type.VOIP", "+31201234567, phone.number.type.FIXED_LINE.text" })
	void refusalForWhenNumberCannotReceiveATextThenSaysWhy(String e164, String key) {
		assertThat(phoneNumbers.refusalFor(e164, true, false)).contains(key);
	}

	@ParameterizedTest
	@ValueSource(strings = { "+31612345678", "+447911123456", "+16847331234" })
	void refusalForWhenNumberIsMobileThenTextsAndCallsGo(String e164) {
		assertThat(phoneNumbers.refusalFor(e164, true, false)).isEmpty();
		assertThat(phoneNumbers.refusalFor(e164, false, false)).isEmpty();
	}

	@Test
	void refusalForWhenLandlineIsCalledThenItGoes() {
		assertThat(phoneNumbers.refusalFor("+31201234567", false, false)).isEmpty();
	}

	@Test
	void refusalForWhenPolicyAllowsVoipThenOnlyVoipIsLetIn() {
		assertThat(phoneNumbers.refusalFor("+31851234567", true, true)).isEmpty();
		assertThat(phoneNumbers.refusalFor("+319001234567", false, true)).contains("phone.number.type.PREMIUM_RATE");
	}

}
