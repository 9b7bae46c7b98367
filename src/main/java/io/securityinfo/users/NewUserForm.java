package io.securityinfo.users;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.securityinfo.account.PasswordLength;
import io.securityinfo.account.Role;

/** "New user": the account an administrator creates, with a password the person replaces at first sign-in. */
class NewUserForm {

	@NotBlank(message = "{users.email.required}")
	@Email(message = "{users.email.invalid}")
	@Size(max = 320, message = "{users.email.invalid}")
	private String email;

	@NotBlank(message = "{users.display-name.required}")
	@Size(max = 200, message = "{users.display-name.too-long}")
	private String displayName;

	@NotNull(message = "{users.role.required}")
	private Role role = Role.EMPLOYEE;

	@NotBlank(message = "{users.password.required}")
	@PasswordLength
	private String initialPassword;

	public String getEmail() {
		return email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public String getDisplayName() {
		return displayName;
	}

	public void setDisplayName(String displayName) {
		this.displayName = displayName;
	}

	public Role getRole() {
		return role;
	}

	public void setRole(Role role) {
		this.role = role;
	}

	public String getInitialPassword() {
		return initialPassword;
	}

	public void setInitialPassword(String initialPassword) {
		this.initialPassword = initialPassword;
	}

}
