package io.securityinfo.securityinfo.questions;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One answered security question of a person's security questions method, the answer kept only as a slow password
 * hash of its normalised form. The rows go with their method: the database deletes them with it.
 */
@Entity
@Table(name = "security_answer")
class SecurityAnswer {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "method_id", nullable = false)
	private long methodId;

	@Column(name = "question_id", nullable = false)
	private long questionId;

	@Column(name = "answer_order", nullable = false)
	private int position;

	@Column(name = "answer_hash", nullable = false)
	private String answerHash;

	protected SecurityAnswer() {
	}

	SecurityAnswer(long methodId, long questionId, int position, String answerHash) {
		this.methodId = methodId;
		this.questionId = questionId;
		this.position = position;
		this.answerHash = answerHash;
	}

	long getQuestionId() {
		return questionId;
	}

	String getAnswerHash() {
		return answerHash;
	}

}
