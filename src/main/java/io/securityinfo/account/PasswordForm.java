package io.securityinfo.account;

import jakarta.validation.constraints.NotBlank;

/** "Change your password": the current password, then a new one as {@link NewPasswordForm} asks it. */
class PasswordForm extends NewPasswordForm {

	@NotBlank(message = "{password.current.required}")
	private String currentPassword;

	public String getCurrentPassword() {
		return currentPassword;
	}

	public void setCurrentPassword(String currentPassword) {
		this.currentPassword = currentPassword;
	}

}
