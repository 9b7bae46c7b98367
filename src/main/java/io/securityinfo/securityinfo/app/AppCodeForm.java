package io.securityinfo.securityinfo.app;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * "Enter code", for a code the authenticator app shows: apps write it as 123 456, so a space may stay. A blank
 * code is only {@code @NotBlank}'s to report.
 */
class AppCodeForm {

	@NotBlank(message = "{authenticator.code.required}")
	@Pattern(regexp = "\\s*(?:\\d{3}\\s?\\d{3}\\s*)?", message = "{code.format}")
	private String code;

	public String getCode() {
		return code;
	}

	public void setCode(String code) {
		this.code = code;
	}

}
