package io.securityinfo.securityinfo;

import jakarta.validation.constraints.NotBlank;

/** "Which method would you like to use to sign in?" The choice is a method id and a mode: "12:TEXT". */
class DefaultMethodForm {

	@NotBlank(message = "{defaultmethod.choice.required}")
	private String choice;

	public String getChoice() {
		return choice;
	}

	public void setChoice(String choice) {
		this.choice = choice;
	}

}
