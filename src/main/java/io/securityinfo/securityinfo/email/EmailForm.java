package io.securityinfo.securityinfo.email;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * "What email would you like to use?" Beyond Bean Validation's own rules, the address needs a dot in its domain:
 * "name@localhost" is valid mail syntax but no address a person reads at home. 254 characters is the most an SMTP
 * server takes in a path (RFC 5321).
 */
class EmailForm {

	@NotBlank(message = "{email.address.required}")
	@Size(max = 254, message = "{email.address.too-long}")
	@Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "{email.address.invalid}")
	private String email;

	public String getEmail() {
		return email;
	}

	/**
	 * Without the spaces a paste brings along, which no rule above should trip over; only spaces is nothing typed,
	 * so that only "Enter your email address." is said of it.
	 */
	public void setEmail(String email) {
		String stripped = (email != null) ? email.strip() : "";
		this.email = stripped.isEmpty() ? null : stripped;
	}

}
