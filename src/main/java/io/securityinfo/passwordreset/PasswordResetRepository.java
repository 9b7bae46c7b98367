package io.securityinfo.passwordreset;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface PasswordResetRepository extends JpaRepository<PasswordReset, String> {

	/**
	 * The reset, locked until the transaction ends: the steps that change it (an answer, a code sent, the new
	 * password) wait for each other, and each decides on the state the one before left.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select reset from PasswordReset reset where reset.id = :id")
	Optional<PasswordReset> findForUpdate(String id);

	long countByEmailDigestAndCreatedAtAfter(String emailDigest, Instant since);

	long countByClientIpAndCreatedAtAfter(String clientIp, Instant since);

	/**
	 * Counts a wrong code or answer in one statement, ending the reset at the limit, so that answers sent at once
	 * are all counted.
	 */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("""
			update PasswordReset reset set reset.wrongAnswers = reset.wrongAnswers + 1,
			reset.status = case when reset.wrongAnswers + 1 >= :maxWrongAnswers
			then io.securityinfo.passwordreset.PasswordReset.Status.ENDED else reset.status end,
			reset.pendingOption = case when reset.wrongAnswers + 1 >= :maxWrongAnswers then null
			else reset.pendingOption end
			where reset.id = :id and reset.status = io.securityinfo.passwordreset.PasswordReset.Status.OPEN""")
	int countWrongAnswer(String id, int maxWrongAnswers);

	/** Housekeeping: resets started before this instant; the hourly limits count none of them. */
	@Transactional
	@Modifying
	@Query("delete from PasswordReset reset where reset.createdAt < :before")
	int deleteStartedBefore(Instant before);

}
