package io.securityinfo.securityinfo.campaign;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A person's "Not now"s to the method a campaign promotes: how many, and until when the last one holds. */
@Entity
@Table(name = "campaign_postponement")
class Postponement {

	@Embeddable
	static class Key implements Serializable {

		private static final long serialVersionUID = 1L;

		@Column(name = "account_id", nullable = false)
		private long accountId;

		@Column(name = "promoted_type", nullable = false, length = 40)
		private String promotedType;

		protected Key() {
		}

		Key(long accountId, String promotedType) {
			this.accountId = accountId;
			this.promotedType = promotedType;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Key key && key.accountId == accountId && key.promotedType.equals(promotedType);
		}

		@Override
		public int hashCode() {
			return Objects.hash(accountId, promotedType);
		}

	}

	@EmbeddedId
	private Key key;

	@Column(nullable = false)
	private int postponements;

	@Column(name = "postponed_until", nullable = false)
	private Instant postponedUntil;

	protected Postponement() {
	}

	Postponement(long accountId, String promotedType, Instant now) {
		this.key = new Key(accountId, promotedType);
		this.postponedUntil = now;
	}

	/** One more "Not now", holding until then. */
	void postpone(Instant until) {
		this.postponements++;
		this.postponedUntil = until;
	}

	int getPostponements() {
		return postponements;
	}

	Instant getPostponedUntil() {
		return postponedUntil;
	}

}
