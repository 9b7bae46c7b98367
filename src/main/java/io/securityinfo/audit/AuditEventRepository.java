package io.securityinfo.audit;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface AuditEventRepository extends JpaRepository<AuditEvent, Long> {

	List<AuditEvent> findBySubjectAccountIdOrderByOccurredAtDescIdDesc(Long subjectAccountId);

	/** The first page only, without counting: {@code PageRequest.ofSize(limit)} gives the newest {@code limit}. */
	List<AuditEvent> findBySubjectAccountIdOrderByOccurredAtDescIdDesc(Long subjectAccountId, Pageable pageable);

}
