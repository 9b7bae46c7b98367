package io.securityinfo.passwordreset;

import io.securityinfo.policy.AuthenticationMethod;
import io.securityinfo.securityinfo.ResetWay;
import io.securityinfo.verification.Channel;

/**
 * A way to prove who you are on "Get back into your account", as its pages show it: a {@link ResetWay} that a method
 * type declares, and the message keys of its pages, each built from the way's slug. Two options of one type (a text
 * and a call to the mobile phone) prove one method, not two; the mobile, office and alternate phones are three
 * methods, as in Security info.
 */
record ResetOption(ResetWay way) {

	/**
	 * The message keys of the pages of an option that sends a code: what the number or address page says, its
	 * field's label and format error, its button, and what the code page says.
	 */
	record CodeWords(String introKey, String fieldKey, String formatKey, String sendKey, String sentKey) {
	}

	/** Its stable name, kept in the reset's row while its code is awaited and in the audit log. */
	String name() {
		return way.name();
	}

	/** Its part of the URL: {@code /password-reset/verify/text}. */
	public String slug() {
		return way.slug();
	}

	/** The type whose method it proves. */
	String typeId() {
		return way.typeId();
	}

	AuthenticationMethod policyMethod() {
		return way.policyMethod();
	}

	Channel channel() {
		return way.channel();
	}

	ResetWay.Proof proof() {
		return way.proof();
	}

	/** Whether a code is sent, to a number or an address the person types in full first. */
	public boolean sendsCode() {
		return way.sendsCode();
	}

	public boolean isPhone() {
		return way.isPhone();
	}

	/** "Text my mobile phone": {@code passwordreset.option.{slug}}. */
	public String labelKey() {
		return "passwordreset.option." + slug();
	}

	/**
	 * {@code passwordreset.destination.intro.{slug}}, {@code passwordreset.destination.{slug}},
	 * {@code passwordreset.destination.format.phone} or {@code .email}, {@code passwordreset.send.{slug}} and
	 * {@code passwordreset.code.sent.{slug}}; null for the options that send no code.
	 */
	public CodeWords codeWords() {
		if (!sendsCode()) {
			return null;
		}
		return new CodeWords("passwordreset.destination.intro." + slug(), "passwordreset.destination." + slug(),
				"passwordreset.destination.format." + (isPhone() ? "phone" : "email"), "passwordreset.send." + slug(),
				"passwordreset.code.sent." + slug());
	}

}
