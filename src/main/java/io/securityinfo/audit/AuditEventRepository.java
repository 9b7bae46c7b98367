package io.securityinfo.audit;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface AuditEventRepository extends JpaRepository<AuditEvent, Long> {

	List<AuditEvent> findBySubjectAccountIdOrderByOccurredAtDescIdDesc(Long subjectAccountId);

	@Transactional
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("delete from AuditEvent e where e.occurredAt < :cutoff")
	int deleteOccurredBefore(Instant cutoff);

}
