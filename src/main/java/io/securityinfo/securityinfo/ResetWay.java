package io.securityinfo.securityinfo;

import java.util.Objects;

import io.securityinfo.policy.AuthenticationMethod;
import io.securityinfo.verification.Channel;

/**
 * A way a method of one type proves who someone is on "Get back into your account" (self-service password reset),
 * declared by its type ({@link MethodType#resetWays()}). Two ways of one type (a text and a call to the mobile phone)
 * prove one method, not two.
 *
 * @param name the stable name kept in the reset's row while its code is awaited and in the audit log, such as
 * {@code OFFICE_CALL}; it never changes once stored
 * @param slug its part of the reset pages' URL ({@code /password-reset/verify/office-phone}) and of their message
 * keys
 * @param order where the reset pages list it, lower first
 * @param typeId the type whose method it proves
 * @param policyMethod the authentication method of the policy that switches it on
 * @param channel how its code comes; null for the ways that send none
 * @param proof what the person gives
 */
public record ResetWay(String name, String slug, int order, String typeId, AuthenticationMethod policyMethod,
		Channel channel, Proof proof) {

	/** What a person gives to prove the method; each proof has its own page in the reset. */
	public enum Proof {

		/** A code sent by {@link ResetWay#channel()} to the number or address they type in full. */
		SENT_CODE,
		/** A code their authenticator app shows. */
		APP_CODE,
		/** Answers to their security questions. */
		ANSWERS

	}

	public ResetWay {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(slug, "slug");
		Objects.requireNonNull(typeId, "typeId");
		Objects.requireNonNull(policyMethod, "policyMethod");
		Objects.requireNonNull(proof, "proof");
		if ((proof == Proof.SENT_CODE) != (channel != null)) {
			throw new IllegalArgumentException("A way sends a code by a channel, or has no channel: " + name);
		}
	}

	/** A code sent in a sign-in mode of the type: its policy switch and its channel are the mode's. */
	public static ResetWay codeSentIn(MethodMode mode, String name, String slug, int order, MethodType type) {
		return new ResetWay(name, slug, order, type.id(), mode.policyMethod(), mode.channel(), Proof.SENT_CODE);
	}

	/** Whether a code is sent, to a number or an address the person types in full first. */
	public boolean sendsCode() {
		return channel != null;
	}

	/** Whether the code goes to a phone number: the person types a number rather than an address. */
	public boolean isPhone() {
		return channel != null && channel.isPhone();
	}

}
