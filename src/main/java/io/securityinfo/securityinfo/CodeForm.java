package io.securityinfo.securityinfo;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** "Enter code": a blank code is only {@code @NotBlank}'s to report, so that it shows one error. */
public class CodeForm {

	@NotBlank(message = "{code.required}")
	@Pattern(regexp = "\\s*(?:\\d{6}\\s*)?", message = "{code.format}")
	private String code;

	public String getCode() {
		return code;
	}

	public void setCode(String code) {
		this.code = code;
	}

}
