package io.securityinfo.account;

import jakarta.servlet.http.HttpSession;

/** The session's bookkeeping of the steps after sign-in. */
public final class SignInSteps {

	/** Present while some step may still have something to ask in this session. */
	public static final String PENDING_ATTRIBUTE = SignInSteps.class.getName() + ".pending";

	/** Where the person was going when a step stopped them. */
	public static final String CONTINUE_TO_ATTRIBUTE = SignInSteps.class.getName() + ".continueTo";

	private SignInSteps() {
	}

	/** Where to go once a step is done: the page the person asked for, or My Profile. */
	public static String continueUrl(HttpSession session) {
		Object target = session.getAttribute(CONTINUE_TO_ATTRIBUTE);
		session.removeAttribute(CONTINUE_TO_ATTRIBUTE);
		return target instanceof String url ? url : "/";
	}

}
