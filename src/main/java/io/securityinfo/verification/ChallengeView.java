package io.securityinfo.verification;

import java.time.Instant;

/**
 * What the code page needs to know about a challenge.
 *
 * @param textUndelivered the provider reported that the last text sent for the challenge did not reach the phone
 * (undelivered or failed), so the code the person waits for is not coming
 */
public record ChallengeView(String id, Channel channel, String destination, boolean verified, Instant expiresAt,
		boolean textUndelivered) {

	static ChallengeView of(Challenge challenge, boolean textUndelivered) {
		return new ChallengeView(challenge.getId(), challenge.getChannel(), challenge.getDestination(),
				challenge.getStatus() == Challenge.Status.VERIFIED, challenge.getExpiresAt(), textUndelivered);
	}

	/** A challenge whose last code was sent a moment ago: no report on it can have come yet. */
	static ChallengeView justSent(Challenge challenge) {
		return of(challenge, false);
	}

}
