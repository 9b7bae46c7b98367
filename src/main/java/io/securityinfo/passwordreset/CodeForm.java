package io.securityinfo.passwordreset;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** "Enter code": from a text, a call, an email or the authenticator app. */
class CodeForm {

	@NotBlank(message = "{code.required}")
	@Pattern(regexp = "\\s*(?:\\d{3}\\s?\\d{3}\\s*)?", message = "{code.format}")
	private String code;

	public String getCode() {
		return code;
	}

	public void setCode(String code) {
		this.code = code;
	}

}
