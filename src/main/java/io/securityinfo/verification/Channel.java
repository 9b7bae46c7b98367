package io.securityinfo.verification;

/** How a code reaches a person. */
public enum Channel {

	SMS, VOICE

}
