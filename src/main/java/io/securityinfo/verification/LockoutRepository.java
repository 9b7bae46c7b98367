package io.securityinfo.verification;

import java.time.Instant;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/**
 * Counts change only through single UPDATE statements, so wrong codes checked at the same moment each count: the
 * database's row lock orders them.
 */
interface LockoutRepository extends JpaRepository<Lockout, Long> {

	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update Lockout l set l.consecutiveFailures = l.consecutiveFailures + 1 where l.accountId = :accountId")
	int countFailure(long accountId);

	/** Locks the person out when the count has reached the limit; answers 1 for the request that did it. */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("""
			update Lockout l set l.lockedUntil = :until, l.consecutiveFailures = 0
			where l.accountId = :accountId and l.consecutiveFailures >= :maxConsecutiveFailures""")
	int lockWhenLimitReached(long accountId, int maxConsecutiveFailures, Instant until);

	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update Lockout l set l.consecutiveFailures = 0 where l.accountId = :accountId")
	int resetFailures(long accountId);

}
