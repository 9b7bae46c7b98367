package io.securityinfo.securityinfo;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** "What phone number would you like to use?" */
class PhoneForm {

	@NotBlank(message = "{phone.region.required}")
	private String region;

	@NotBlank(message = "{phone.number.required}")
	@Size(max = 40, message = "{phone.number.invalid}")
	private String number;

	@NotNull(message = "{phone.mode.required}")
	private MethodMode mode = MethodMode.TEXT;

	public String getRegion() {
		return region;
	}

	public void setRegion(String region) {
		this.region = region;
	}

	public String getNumber() {
		return number;
	}

	public void setNumber(String number) {
		this.number = number;
	}

	public MethodMode getMode() {
		return mode;
	}

	public void setMode(MethodMode mode) {
		this.mode = mode;
	}

}
