package io.securityinfo.phone;

/**
 * A Dutch number as a person in the Netherlands types it ("0612342001", "0205103001"), with the shapes the app
 * stores and shows it in. Test classes make their own from a range of their own (see {@link TestPhoneNumbers}), so
 * that the per-number sending limits of one class never count another's texts.
 */
public record TestPhone(String national) {

	/** The Dutch number of this E.164 form ("+31612340042"), such as {@link TestPhoneNumbers} gives out. */
	public static TestPhone ofE164(String dutchE164) {
		return new TestPhone(TestPhoneNumbers.national(dutchE164));
	}

	/** The number as stored and texted: "+31612342001". */
	public String e164() {
		return "+31" + national.substring(1);
	}

	/** "+31 6 12342001" for a mobile, "+31 20 510 3001" for a landline, as libphonenumber writes them. */
	public String international() {
		String digits = national.substring(1);
		if (digits.startsWith("6")) {
			return "+31 6 " + digits.substring(1);
		}
		return "+31 " + digits.substring(0, 2) + " " + digits.substring(2, 5) + " " + digits.substring(5);
	}

	/** A mobile as libphonenumber writes it nationally: "06 12342001". */
	public String nationalFormatted() {
		return "06 " + national.substring(2);
	}

}
