package io.securityinfo.verification;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A code that was sent, kept only as its keyed hash. The rows are also the ledger the sending limits count. */
@Entity
@Table(name = "verification_code")
class SentCode {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "challenge_id", nullable = false)
	private String challengeId;

	@Column(name = "account_id", nullable = false)
	private long accountId;

	@Column(nullable = false)
	private String destination;

	@Column(name = "code_hash", nullable = false)
	private String codeHash;

	@Column(name = "sent_at", nullable = false)
	private Instant sentAt;

	protected SentCode() {
	}

	SentCode(String challengeId, long accountId, String destination, String codeHash, Instant sentAt) {
		this.challengeId = challengeId;
		this.accountId = accountId;
		this.destination = destination;
		this.codeHash = codeHash;
		this.sentAt = sentAt;
	}

	String getCodeHash() {
		return codeHash;
	}

}
