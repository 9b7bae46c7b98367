package io.securityinfo.securityinfo;

import jakarta.validation.constraints.NotBlank;

/** "Which method would you like to add?" */
class AddMethodForm {

	@NotBlank(message = "{addmethod.type.required}")
	private String type;

	public String getType() {
		return type;
	}

	public void setType(String type) {
		this.type = type;
	}

}
