package io.securityinfo.verification;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.securityinfo.sms.DeliveryStatus;

/**
 * A code that was sent, kept only as its keyed hash. The rows are also the ledger the sending limits count. A text
 * also keeps the provider's id for it and the last delivery status the provider reported, so the code page can say
 * when it did not arrive.
 */
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

	@Column(name = "provider_message_id")
	private String providerMessageId;

	@Enumerated(EnumType.STRING)
	@Column(name = "delivery_status")
	private DeliveryStatus deliveryStatus;

	@Column(name = "delivery_error_code")
	private String deliveryErrorCode;

	@Column(name = "delivery_updated_at")
	private Instant deliveryUpdatedAt;

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

	String getDestination() {
		return destination;
	}

	DeliveryStatus getDeliveryStatus() {
		return deliveryStatus;
	}

	/** Remembers the provider's id for the text, which its delivery reports will name. */
	void sentAs(String providerMessageId) {
		this.providerMessageId = providerMessageId;
	}

}
