package io.securityinfo.verification;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface ChallengeRepository extends JpaRepository<Challenge, String> {

	Optional<Challenge> findByIdAndAccountId(String id, long accountId);

	/** Counts a wrong entry; the condition keeps concurrent entries from counting past the limit. */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("""
			update Challenge c set c.wrongAttempts = c.wrongAttempts + 1,
			  c.status = case when c.wrongAttempts + 1 >= :maxWrongAttempts
			    then io.securityinfo.verification.Challenge.Status.EXHAUSTED else c.status end
			where c.id = :id and c.status = io.securityinfo.verification.Challenge.Status.OPEN""")
	int countWrongAttempt(String id, int maxWrongAttempts);

	/** Marks the challenge verified; only one of several concurrent right answers gets 1 back. */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("""
			update Challenge c set c.status = io.securityinfo.verification.Challenge.Status.VERIFIED,
			  c.completedAt = :now
			where c.id = :id and c.status = io.securityinfo.verification.Challenge.Status.OPEN""")
	int markVerified(String id, Instant now);

	/**
	 * Deletes the challenges that ended before the cutoff; the database deletes their codes with them. A plain
	 * conditional delete, so instances running it at the same moment, or a run repeated, change nothing more.
	 */
	@Transactional
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("delete from Challenge c where c.expiresAt < :cutoff")
	int deleteExpiredBefore(Instant cutoff);

}
