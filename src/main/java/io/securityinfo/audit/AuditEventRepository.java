package io.securityinfo.audit;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface AuditEventRepository extends JpaRepository<AuditEvent, Long> {

	List<AuditEvent> findBySubjectAccountIdOrderByOccurredAtDescIdDesc(Long subjectAccountId);

}
