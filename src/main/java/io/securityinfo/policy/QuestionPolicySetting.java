package io.securityinfo.policy;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** How many security questions a person answers; the only row has id 1, seeded by the migration. */
@Entity
@Table(name = "question_policy")
class QuestionPolicySetting {

	static final int ID = 1;

	@Id
	private Integer id;

	@Column(name = "questions_required", nullable = false)
	private int questionsRequired;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected QuestionPolicySetting() {
	}

	int getQuestionsRequired() {
		return questionsRequired;
	}

	void apply(int questionsRequired, Instant updatedAt) {
		this.questionsRequired = questionsRequired;
		this.updatedAt = updatedAt;
	}

}
