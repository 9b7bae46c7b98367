package io.securityinfo.account;

import jakarta.validation.constraints.NotBlank;

/** "Change your password". */
class PasswordForm {

	@NotBlank(message = "{password.current.required}")
	private String currentPassword;

	@NotBlank(message = "{password.new.required}")
	@PasswordLength
	private String newPassword;

	@NotBlank(message = "{password.confirm.required}")
	private String confirmPassword;

	public String getCurrentPassword() {
		return currentPassword;
	}

	public void setCurrentPassword(String currentPassword) {
		this.currentPassword = currentPassword;
	}

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
