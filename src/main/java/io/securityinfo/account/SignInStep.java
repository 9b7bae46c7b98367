package io.securityinfo.account;

import java.util.Optional;

import jakarta.servlet.http.HttpSession;

/**
 * Something a person must do right after signing in, before they go where they were going: change an initial
 * password, register security info, reconfirm it. Steps are Spring beans, asked in their {@code @Order}.
 */
public interface SignInStep {

	/**
	 * The page of this step while it still has something to ask of the person, or empty when it has nothing. Asked
	 * on every request until no step has anything to ask, then never again in the session.
	 */
	Optional<String> pendingPage(SignedInUser user, HttpSession session);

	/** Whether a request to this path is part of this step's own pages, which the person may open meanwhile. */
	boolean allows(String path);

}
