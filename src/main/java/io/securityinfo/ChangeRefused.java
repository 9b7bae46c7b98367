package io.securityinfo;

/**
 * Why a change a person asked for was not made: the message key, and its arguments, that the page shows beside the
 * form. Each module throws its own kind, so that its callers catch only its refusals.
 */
public abstract class ChangeRefused extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String messageKey;

	private final transient Object[] arguments;

	protected ChangeRefused(String messageKey, Object... arguments) {
		super(messageKey);
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments.clone();
	}

}
