package io.securityinfo.totp;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface EnrolmentRepository extends JpaRepository<Enrolment, String> {

	Optional<Enrolment> findByIdAndAccountId(String id, long accountId);

	/** A person's unfinished set-ups, replaced by the one they start now. */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("""
			delete from Enrolment e where e.accountId = :accountId
			  and e.status <> io.securityinfo.totp.Enrolment.Status.CONFIRMED""")
	int deleteUnfinished(long accountId);

	/** Counts a wrong code; the condition keeps concurrent entries from counting past the limit. */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("""
			update Enrolment e set e.wrongAttempts = e.wrongAttempts + 1,
			  e.status = case when e.wrongAttempts + 1 >= :maxWrongAttempts
			    then io.securityinfo.totp.Enrolment.Status.ENDED else e.status end
			where e.id = :id and e.status = io.securityinfo.totp.Enrolment.Status.OPEN""")
	int countWrongAttempt(String id, int maxWrongAttempts);

	/** Marks the set-up done; only one of several concurrent right codes gets 1 back. */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("""
			update Enrolment e set e.status = io.securityinfo.totp.Enrolment.Status.CONFIRMED,
			  e.acceptedStep = :step, e.completedAt = :now
			where e.id = :id and e.status = io.securityinfo.totp.Enrolment.Status.OPEN""")
	int markConfirmed(String id, long step, Instant now);

}
