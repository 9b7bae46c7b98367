package io.securityinfo.passwordreset;

import jakarta.validation.constraints.NotBlank;

import io.securityinfo.account.PasswordLength;

/** "Choose a new password". */
class NewPasswordForm {

	@NotBlank(message = "{password.new.required}")
	@PasswordLength
	private String newPassword;

	@NotBlank(message = "{password.confirm.required}")
	private String confirmPassword;

	public String getNewPassword() {
		return newPassword;
	}

	public void setNewPassword(String newPassword) {
		this.newPassword = newPassword;
	}

	public String getConfirmPassword() {
		return confirmPassword;
	}

	public void setConfirmPassword(String confirmPassword) {
		this.confirmPassword = confirmPassword;
	}

}
