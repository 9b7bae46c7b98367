package io.securityinfo.account;

/** What a person may do: employees manage their own security info, admins also the organisation's. */
public enum Role {

	EMPLOYEE, ADMIN;

	String authority() {
		return "ROLE_" + name();
	}

}
