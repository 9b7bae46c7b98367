package io.securityinfo.groups;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;

/** "Add member" by email. */
class MemberForm {

	@NotBlank(message = "{groups.member.required}")
	@Email(message = "{groups.member.invalid}")
	private String email;

	public String getEmail() {
		return email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

}
