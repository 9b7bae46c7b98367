package io.securityinfo.securityinfo.phone;

import java.util.Optional;
import java.util.stream.Stream;

import io.securityinfo.policy.AuthenticationMethod;
import io.securityinfo.securityinfo.MethodMode;
import io.securityinfo.verification.Channel;

/**
 * The modes of the phone types, each with the policy's switch for it: a code by text (the policy's "Text message
 * (SMS)") or by call ("Voice call").
 */
public final class PhoneModes {

	public static final AuthenticationMethod SMS = new AuthenticationMethod("SMS");

	public static final AuthenticationMethod VOICE = new AuthenticationMethod("VOICE");

	public static final MethodMode TEXT = new MethodMode("TEXT", SMS, "SMS", Channel.SMS);

	public static final MethodMode CALL = new MethodMode("CALL", VOICE, "VOICE", Channel.VOICE);

	private PhoneModes() {
	}

	/** The phone mode with this name, as a form sends it; empty for a name no phone mode has. */
	static Optional<MethodMode> named(String name) {
		return Stream.of(TEXT, CALL).filter(mode -> mode.name().equals(name)).findFirst();
	}

	/** The mode a code came in, by its channel. */
	static MethodMode of(Channel channel) {
		return channel == Channel.VOICE ? CALL : TEXT;
	}

}
