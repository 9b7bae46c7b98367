package io.securityinfo.twostep;

import io.securityinfo.securityinfo.MethodMode;

/**
 * Published when a second factor was checked, at sign-in or before a change. Its code's own check committed
 * already; nothing else changes, so it is published outside any transaction.
 *
 * @param accountId whose factor
 * @param mode how it was given: a text, a call or an app's code
 * @param maskedDestination the number the code went to, masked ({@code +31 6 •••• ••78}); null for the app
 * @param outcome what came of it
 */
public record SecondFactorChecked(long accountId, MethodMode mode, String maskedDestination, Outcome outcome) {

	public enum Outcome {

		SUCCEEDED, FAILED, LOCKED_OUT

	}

}
