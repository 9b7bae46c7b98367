package io.securityinfo.policy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** "Add a question": a question of the organization's own. */
class NewQuestionForm {

	@NotBlank(message = "{questions.admin.text.required}")
	@Size(max = QuestionPolicy.MAX_TEXT_LENGTH, message = "{questions.admin.text.too-long}")
	private String text;

	public String getText() {
		return text;
	}

	public void setText(String text) {
		this.text = text;
	}

}
