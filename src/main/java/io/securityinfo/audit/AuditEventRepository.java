package io.securityinfo.audit;

import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface AuditEventRepository extends JpaRepository<AuditEvent, Long>, JpaSpecificationExecutor<AuditEvent> {

	List<AuditEvent> findBySubjectAccountIdOrderByOccurredAtDescIdDesc(Long subjectAccountId);

	List<AuditEvent> findBySubjectAccountIdOrderByOccurredAtDescIdDesc(Long subjectAccountId, Limit limit);

}
