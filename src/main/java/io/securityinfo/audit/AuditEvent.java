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

/**
 * One row of the audit log. Rows written since V17 keep their facts in columns of their own ({@link AuditFacts});
 * {@code detail} is the English text of older rows whose facts V17 could not read, shown as it was.
 */
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

	@Column(name = "method_type")
	private String methodType;

	@Column(name = "method_mode")
	private String methodMode;

	private String target;

	private String facts;

	private String detail;

	@Column(name = "client_ip")
	private String clientIp;

	protected AuditEvent() {
	}

	AuditEvent(Instant occurredAt, Long actorAccountId, Long subjectAccountId, AuditAction action, AuditFacts facts,
			String clientIp) {
		this.occurredAt = occurredAt;
		this.actorAccountId = actorAccountId;
		this.subjectAccountId = subjectAccountId;
		this.action = action;
		this.methodType = facts.methodType();
		this.methodMode = facts.mode();
		this.target = facts.target();
		this.facts = facts.encodedFacts();
		this.clientIp = clientIp;
	}

	Long getId() {
		return id;
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

	String getMethodType() {
		return methodType;
	}

	String getMethodMode() {
		return methodMode;
	}

	String getTarget() {
		return target;
	}

	String getFacts() {
		return facts;
	}

	String getDetail() {
		return detail;
	}

	String getClientIp() {
		return clientIp;
	}

}
