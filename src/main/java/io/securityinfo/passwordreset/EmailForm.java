package io.securityinfo.passwordreset;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** "Get back into your account": the email of the account. */
class EmailForm {

	@NotBlank(message = "{passwordreset.email.required}")
	@Email(message = "{passwordreset.email.format}")
	@Size(max = 320, message = "{passwordreset.email.format}")
	private String email;

	public String getEmail() {
		return email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

}
