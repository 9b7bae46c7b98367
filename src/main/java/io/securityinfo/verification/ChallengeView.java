package io.securityinfo.verification;

import java.time.Instant;

/** What the code page needs to know about a challenge. */
public record ChallengeView(String id, Channel channel, String destination, boolean verified, Instant expiresAt) {

	static ChallengeView of(Challenge challenge) {
		return new ChallengeView(challenge.getId(), challenge.getChannel(), challenge.getDestination(),
				challenge.getStatus() == Challenge.Status.VERIFIED, challenge.getExpiresAt());
	}

}
