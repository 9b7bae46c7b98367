package io.securityinfo.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "audit_event")
class AuditEvent {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "occurred_at", nullable = false)
	private Instant occurredAt;

	@Column(name = "actor_account_id")
	private Long actorAccountId;

	@Column(name = "subject_account_id")
	private Long subjectAccountId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private AuditAction action;

	private String detail;

	@Column(name = "client_ip")
	private String clientIp;

	protected AuditEvent() {
	}

	AuditEvent(Instant occurredAt, Long actorAccountId, Long subjectAccountId, AuditAction action, String detail,
			String clientIp) {
		this.occurredAt = occurredAt;
		this.actorAccountId = actorAccountId;
		this.subjectAccountId = subjectAccountId;
		this.action = action;
		this.detail = detail;
		this.clientIp = clientIp;
	}

	Instant getOccurredAt() {
		return occurredAt;
	}

	Long getActorAccountId() {
		return actorAccountId;
	}

	Long getSubjectAccountId() {
		return subjectAccountId;
	}

	AuditAction getAction() {
		return action;
	}

	String getDetail() {
		return detail;
	}

	String getClientIp() {
		return clientIp;
	}

}
