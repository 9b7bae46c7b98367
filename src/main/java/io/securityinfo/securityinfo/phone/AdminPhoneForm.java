package io.securityinfo.securityinfo.phone;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An administrator's "Set phone" for a person: the number and why. */
class AdminPhoneForm {

	@NotBlank(message = "{phone.region.required}")
	private String region;

	@NotBlank(message = "{users.phone.number.required}")
	@Size(max = 40, message = "{phone.number.invalid}")
	private String number;

	@NotBlank(message = "{users.phone.reason.required}")
	@Size(max = 500, message = "{users.phone.reason.too-long}")
	private String reason;

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

	public String getReason() {
		return reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

}
