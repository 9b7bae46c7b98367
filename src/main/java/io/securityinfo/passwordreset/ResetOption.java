package io.securityinfo.passwordreset;

import java.util.Arrays;
import java.util.Optional;

import io.securityinfo.policy.AuthenticationMethod;
import io.securityinfo.securityinfo.ResetMethods.Kind;
import io.securityinfo.verification.Channel;

/**
 * A way to prove who you are on "Get back into your account": the kind of method it uses, the authentication method
 * of the policy that switches it on, and the channel its code comes by (none for the app and the questions). Two
 * options of one kind (a text and a call to the mobile phone) prove one method, not two.
 */
enum ResetOption {

	TEXT("text", Kind.MOBILE_PHONE, AuthenticationMethod.SMS, Channel.SMS),
	CALL("call", Kind.MOBILE_PHONE, AuthenticationMethod.VOICE, Channel.VOICE),
	EMAIL("email", Kind.EMAIL, AuthenticationMethod.EMAIL, Channel.EMAIL),
	APP("app", Kind.AUTHENTICATOR_APP, AuthenticationMethod.AUTHENTICATOR_APP, null),
	QUESTIONS("questions", Kind.SECURITY_QUESTIONS, AuthenticationMethod.SECURITY_QUESTIONS, null);

	private final String slug;

	private final Kind kind;

	private final AuthenticationMethod policyMethod;

	private final Channel channel;

	ResetOption(String slug, Kind kind, AuthenticationMethod policyMethod, Channel channel) {
		this.slug = slug;
		this.kind = kind;
		this.policyMethod = policyMethod;
		this.channel = channel;
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
		return "passwordreset.option." + slug;
	}

}
