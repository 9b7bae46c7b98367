package io.securityinfo.securityinfo;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * A phone number an administrator set for a person and the person has not proven yet, for Security info to show
 * ("added by an administrator — not yet confirmed") with a way to confirm it. The phone folder implements it, so
 * that this package imports none of its sub-packages.
 */
public interface AdministratorSetPhones {

	/** The person's administrator-set number waiting for their code; empty when there is none. */
	Optional<Pending> pending(long accountId);

	/**
	 * A number waiting for the person's code.
	 *
	 * @param nameKey the name of the method type it is to become
	 * @param displayDetail the number as Security info shows it
	 * @param setAt when the administrator set it
	 * @param confirmPath where the person's "Confirm" posts
	 */
	record Pending(String nameKey, String displayDetail, Instant setAt, String confirmPath) {

		public LocalDateTime setAtUtc() {
			return LocalDateTime.ofInstant(setAt, ZoneOffset.UTC);
		}

	}

}
