package io.securityinfo.totp;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface AuthenticatorAppRepository extends JpaRepository<AuthenticatorApp, Long> {

	Optional<AuthenticatorApp> findByMethodIdAndAccountId(long methodId, long accountId);

	/**
	 * Accepts a code of {@code step}; only one of several concurrent uses of the same code gets 1 back, as the
	 * condition refuses a step that is not after the last accepted one.
	 */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("""
			update AuthenticatorApp a set a.lastAcceptedStep = :step, a.consecutiveFailures = 0, a.updatedAt = :now
			where a.methodId = :methodId and a.lastAcceptedStep < :step""")
	int accept(long methodId, long step, Instant now);

	/**
	 * Counts a wrong code; the one that reaches the limit locks the app until {@code lockedUntil} and starts the
	 * count again, so that each lockout follows as many wrong codes.
	 */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("""
			update AuthenticatorApp a set
			  a.lockedUntil = case when a.consecutiveFailures + 1 >= :maxFailures then :lockedUntil
			    else a.lockedUntil end,
			  a.consecutiveFailures = case when a.consecutiveFailures + 1 >= :maxFailures then 0
			    else a.consecutiveFailures + 1 end,
			  a.updatedAt = :now
			where a.methodId = :methodId""")
	int countFailure(long methodId, int maxFailures, Instant lockedUntil, Instant now);

}
