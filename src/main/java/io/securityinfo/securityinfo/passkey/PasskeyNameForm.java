package io.securityinfo.securityinfo.passkey;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.securityinfo.passkey.Passkeys;

/** A passkey's name, when the person renames it. */
class PasskeyNameForm {

	@NotBlank(message = "{passkey.name.required}")
	@Size(max = Passkeys.NAME_LENGTH, message = "{passkey.name.too-long}")
	private String name;

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name == null ? null : name.strip();
	}

}
