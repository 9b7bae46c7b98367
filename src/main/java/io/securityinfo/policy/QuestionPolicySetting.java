package io.securityinfo.policy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** How many security questions a person answers; its row is seeded by the migration. */
@Entity
@Table(name = "question_policy")
class QuestionPolicySetting extends PolicySetting<Integer> {

	@Column(name = "questions_required", nullable = false)
	private int questionsRequired;

	@Override
	void write(Integer questionsRequired) {
		this.questionsRequired = questionsRequired;
	}

	/** The number of questions a person answers. */
	@Override
	Integer rules() {
		return questionsRequired;
	}

}
