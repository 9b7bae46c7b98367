package io.securityinfo.policy;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A question people may pick for their security questions. Its text is data, not a message: administrators add
 * their own. Questions are switched off rather than deleted, because people's answers refer to them.
 */
@Entity
@Table(name = "security_question")
class SecurityQuestion {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "question_text", nullable = false)
	private String text;

	@Column(nullable = false)
	private boolean predefined;

	@Column(nullable = false)
	private boolean enabled;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected SecurityQuestion() {
	}

	/** A question an administrator wrote: offered at once. */
	SecurityQuestion(String text, Instant createdAt) {
		this.text = text;
		this.predefined = false;
		this.enabled = true;
		this.createdAt = createdAt;
	}

	Long getId() {
		return id;
	}

	String getText() {
		return text;
	}

	boolean isPredefined() {
		return predefined;
	}

	boolean isEnabled() {
		return enabled;
	}

	void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}
