package io.securityinfo.groups;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** "New group" */
class GroupForm {

	@NotBlank(message = "{groups.name.required}")
	@Size(max = 100, message = "{groups.name.too-long}")
	private String name;

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

}
