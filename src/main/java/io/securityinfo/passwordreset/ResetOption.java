package io.securityinfo.passwordreset;

import java.util.Arrays;
import java.util.Optional;

import io.securityinfo.policy.AuthenticationMethod;
import io.securityinfo.securityinfo.ResetMethods.Kind;
import io.securityinfo.verification.Channel;

/**
 * A way to prove who you are on "Get back into your account": the kind of method it uses, the authentication method
 * of the policy that switches it on, and the channel its code comes by (none for the app and the questions). Two
 * options of one kind (a text and a call to the mobile phone) prove one method, not two; the mobile, office and
 * alternate phones are three methods, as in Security info.
 */
enum ResetOption {

	TEXT("text", Kind.MOBILE_PHONE, AuthenticationMethod.SMS, Channel.SMS, "passwordreset.option.text",
			new CodeWords("passwordreset.destination.intro.text", "passwordreset.destination.phone",
					"passwordreset.destination.format.phone", "passwordreset.send.text",
					"passwordreset.code.sent.text")),
	CALL("call", Kind.MOBILE_PHONE, AuthenticationMethod.VOICE, Channel.VOICE, "passwordreset.option.call",
			new CodeWords("passwordreset.destination.intro.call", "passwordreset.destination.phone",
					"passwordreset.destination.format.phone", "passwordreset.send.call",
					"passwordreset.code.sent.call")),
	/** A call to the office phone's number; its extension, if any, is not dialled (as when it was registered). */
	OFFICE_CALL("office-phone", Kind.OFFICE_PHONE, AuthenticationMethod.VOICE, Channel.VOICE,
			"passwordreset.option.office-phone",
			new CodeWords("passwordreset.destination.intro.office-phone", "passwordreset.destination.office-phone",
					"passwordreset.destination.format.phone", "passwordreset.send.call",
					"passwordreset.code.sent.office-phone")),
	ALTERNATE_CALL("alternate-phone", Kind.ALTERNATE_PHONE, AuthenticationMethod.VOICE, Channel.VOICE,
			"passwordreset.option.alternate-phone",
			new CodeWords("passwordreset.destination.intro.alternate-phone",
					"passwordreset.destination.alternate-phone", "passwordreset.destination.format.phone",
					"passwordreset.send.call", "passwordreset.code.sent.alternate-phone")),
	EMAIL("email", Kind.EMAIL, AuthenticationMethod.EMAIL, Channel.EMAIL, "passwordreset.option.email",
			new CodeWords("passwordreset.destination.intro.email", "passwordreset.destination.email",
					"passwordreset.destination.format.email", "passwordreset.send.email",
					"passwordreset.code.sent.email")),
	APP("app", Kind.AUTHENTICATOR_APP, AuthenticationMethod.AUTHENTICATOR_APP, null, "passwordreset.option.app", null),
	QUESTIONS("questions", Kind.SECURITY_QUESTIONS, AuthenticationMethod.SECURITY_QUESTIONS, null,
			"passwordreset.option.questions", null);

	/**
	 * The message keys of the pages of an option that sends a code: what the number or address page says, its
	 * field's label and format error, its button, and what the code page says.
	 */
	record CodeWords(String introKey, String fieldKey, String formatKey, String sendKey, String sentKey) {
	}

	private final String slug;

	private final Kind kind;

	private final AuthenticationMethod policyMethod;

	private final Channel channel;

	private final String labelKey;

	private final CodeWords codeWords;

	ResetOption(String slug, Kind kind, AuthenticationMethod policyMethod, Channel channel, String labelKey,
			CodeWords codeWords) {
		this.slug = slug;
		this.kind = kind;
		this.policyMethod = policyMethod;
		this.channel = channel;
		this.labelKey = labelKey;
		this.codeWords = codeWords;
	}

	static Optional<ResetOption> bySlug(String slug) {
		return Arrays.stream(values()).filter(option -> option.slug.equals(slug)).findFirst();
	}

	/** Its part of the URL: {@code /password-reset/verify/text}. */
	public String slug() {
		return slug;
	}

	Kind kind() {
		return kind;
	}

	AuthenticationMethod policyMethod() {
		return policyMethod;
	}

	Channel channel() {
		return channel;
	}

	/** Whether a code is sent, to a number or an address the person types in full first. */
	public boolean sendsCode() {
		return channel != null;
	}

	public boolean isPhone() {
		return channel != null && channel.isPhone();
	}

	public String labelKey() {
		return labelKey;
	}

	/** Null for the options that send no code. */
	public CodeWords codeWords() {
		return codeWords;
	}

}
