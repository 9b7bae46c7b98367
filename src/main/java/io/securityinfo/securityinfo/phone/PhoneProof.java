package io.securityinfo.securityinfo.phone;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.securityinfo.AssignedIdEntity;

/**
 * What a phone challenge proves its number for: a new method of one phone type, or a new number for the person's
 * method of that type, and the extension that goes with the number. Kept with the challenge rather than in the
 * pages' links, so that a code can only register what the person asked for when it was sent — a number proven as
 * an office phone cannot be registered as a phone by editing a URL.
 */
@Entity
@Table(name = "phone_proof")
class PhoneProof extends AssignedIdEntity {

	@Id
	@Column(name = "challenge_id")
	private String challengeId;

	@Column(name = "account_id", nullable = false)
	private long accountId;

	@Column(name = "method_type", nullable = false)
	private String methodType;

	@Column(name = "changes_number", nullable = false)
	private boolean changesNumber;

	private String extension;

	protected PhoneProof() {
	}

	PhoneProof(String challengeId, long accountId, String methodType, boolean changesNumber, String extension) {
		this.challengeId = challengeId;
		this.accountId = accountId;
		this.methodType = methodType;
		this.changesNumber = changesNumber;
		this.extension = extension;
	}

	@Override
	public String getId() {
		return challengeId;
	}

	long getAccountId() {
		return accountId;
	}

	String getMethodType() {
		return methodType;
	}

	boolean changesNumber() {
		return changesNumber;
	}

	String getExtension() {
		return extension;
	}

}
