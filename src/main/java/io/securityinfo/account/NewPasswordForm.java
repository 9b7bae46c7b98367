package io.securityinfo.account;

import jakarta.validation.constraints.NotBlank;

import org.springframework.validation.Errors;

/** "Choose a new password": the new password and the same again, as every form that sets a password asks them. */
public class NewPasswordForm {

	@NotBlank(message = "{password.new.required}")
	@PasswordLength
	private String newPassword;

	@NotBlank(message = "{password.confirm.required}")
	private String confirmPassword;

	/** Reports beside "Confirm new password" that it differs from the new one, when both were filled in. */
	public void rejectMismatch(Errors errors) {
		if (!errors.hasFieldErrors("newPassword") && !errors.hasFieldErrors("confirmPassword")
				&& !newPassword.equals(confirmPassword)) {
			errors.rejectValue("confirmPassword", "password.confirm.mismatch");
		}
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
