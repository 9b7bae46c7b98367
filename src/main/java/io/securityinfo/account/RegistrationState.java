package io.securityinfo.account;

import java.time.Instant;

/**
 * Where a person stands with registering security info.
 *
 * @param registrationRequired an administrator required them to register again
 * @param firstPromptedAt when they were first asked to register, or null
 * @param confirmedAt when they last registered what was asked or confirmed their security info, or null
 */
public record RegistrationState(boolean registrationRequired, Instant firstPromptedAt, Instant confirmedAt) {

}
