package io.securityinfo.securityinfo.phone;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** "What phone number would you like to use?", and for an office phone its extension. */
class PhoneForm {

	@NotBlank(message = "{phone.region.required}")
	private String region;

	@NotBlank(message = "{phone.number.required}")
	@Size(max = 40, message = "{phone.number.invalid}")
	private String number;

	/** The name of a {@link PhoneModes phone mode}: how the code should come. */
	@NotBlank(message = "{phone.mode.required}")
	private String mode = PhoneModes.TEXT.name();

	/** Optional; only types with {@link PhoneLikeMethodType#hasExtension()} read it. */
	@Pattern(regexp = "\\s*\\d{0,10}\\s*", message = "{phone.extension.invalid}")
	private String extension;

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

	public String getMode() {
		return mode;
	}

	public void setMode(String mode) {
		this.mode = mode;
	}

	public String getExtension() {
		return extension;
	}

	public void setExtension(String extension) {
		this.extension = extension;
	}

}
