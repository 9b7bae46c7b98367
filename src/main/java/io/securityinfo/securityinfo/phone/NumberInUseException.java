package io.securityinfo.securityinfo.phone;

import io.securityinfo.securityinfo.MethodType;

/**
 * The person already uses the number for another of their phone types: one number proves nothing more when it is
 * registered twice, and losing that phone would take both methods at once.
 */
class NumberInUseException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient MethodType usedBy;

	NumberInUseException(MethodType usedBy) {
		super("The number is registered already as " + usedBy.id());
		this.usedBy = usedBy;
	}

	MethodType usedBy() {
		return usedBy;
	}

}
