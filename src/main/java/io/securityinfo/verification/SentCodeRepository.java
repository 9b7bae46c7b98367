package io.securityinfo.verification;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface SentCodeRepository extends JpaRepository<SentCode, Long> {

	List<SentCode> findByChallengeId(String challengeId);

	long countByDestinationAndSentAtAfter(String destination, Instant after);

	long countByAccountIdAndSentAtAfter(long accountId, Instant after);

}
