package io.securityinfo.verification;

import java.util.Set;

/** How a code reaches a person. */
public enum Channel {

	SMS, VOICE, EMAIL;

	/** The channels that reach a phone number: the phone policy's countries and regions apply to them. */
	public static final Set<Channel> PHONE = Set.of(SMS, VOICE);

	public boolean isPhone() {
		return PHONE.contains(this);
	}

}
