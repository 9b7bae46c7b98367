package io.securityinfo.account;

/** Why a new password was not taken: the field of the form it concerns and what the person is told. */
enum PasswordRefusal {

	WRONG_CURRENT_PASSWORD("currentPassword", "password.current.wrong"),
	SAME_AS_EMAIL("newPassword", "password.new.same-as-email"),
	SAME_AS_CURRENT("newPassword", "password.new.same-as-current"),
	COMMON("newPassword", "password.new.common");

	private final String field;

	private final String messageKey;

	PasswordRefusal(String field, String messageKey) {
		this.field = field;
		this.messageKey = messageKey;
	}

	String field() {
		return field;
	}

	String messageKey() {
		return messageKey;
	}

}
