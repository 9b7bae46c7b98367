package io.securityinfo.audit;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface AuditEventRepository extends JpaRepository<AuditEvent, Long>, JpaSpecificationExecutor<AuditEvent> {

	List<AuditEvent> findBySubjectAccountIdOrderByOccurredAtDescIdDesc(Long subjectAccountId);

	List<AuditEvent> findBySubjectAccountIdOrderByOccurredAtDescIdDesc(Long subjectAccountId, Limit limit);

	List<AuditEvent> findBySubjectAccountIdAndActionInOrderByOccurredAtDescIdDesc(Long subjectAccountId,
			Collection<AuditAction> actions, Limit limit);

	Optional<AuditEvent> findByIdAndSubjectAccountIdAndActionIn(Long id, Long subjectAccountId,
			Collection<AuditAction> actions);

	@Transactional
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("delete from AuditEvent e where e.occurredAt < :cutoff")
	int deleteOccurredBefore(Instant cutoff);

}
