package io.securityinfo.securityinfo.phone;

import io.securityinfo.phone.PhoneNumber;
import io.securityinfo.securityinfo.MethodMode;
import io.securityinfo.verification.ChallengeView;
import io.securityinfo.verification.Channel;

/**
 * A phone challenge as its pages and its confirmation need it, read once per request: the challenge of the code,
 * and what it proves its number for ({@link PhoneProof}).
 *
 * @param number the number the code went to, with the extension it is to be registered with
 */
record PhoneChallenge(ChallengeView code, PhoneLikeMethodType type, boolean changesNumber, PhoneNumber number) {

	public String id() {
		return code.id();
	}

	public boolean verified() {
		return code.verified();
	}

	/** See {@link ChallengeView#textUndelivered()}. */
	public boolean textUndelivered() {
		return code.textUndelivered();
	}

	/** The way the code came: what the number is proven for. */
	MethodMode mode() {
		return PhoneModes.of(code.channel());
	}

	/** The code page. */
	String path() {
		return path(type, id());
	}

	/** The number page the code was asked for on: "Back" and "Change it" lead there. */
	String formPath() {
		return changesNumber ? type.changeFormPath() : type.addPath();
	}

	static String path(PhoneLikeMethodType type, String challengeId) {
		return type.addPath() + "/challenges/" + challengeId;
	}

}
