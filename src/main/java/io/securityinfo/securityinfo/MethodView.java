package io.securityinfo.securityinfo;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * A registered method as Security info lists it. A method whose type the policy no longer allows stays listed,
 * marked as not allowed.
 *
 * @param usedForKey what the method may be used for, as a message key ({@link MethodUse})
 * @param removable whether the person may delete it themselves
 * @param listedDetail what its row in a list of methods shows ({@link MethodType#listedDetail})
 * @param addedAt when it was added, for a row that shows it; else null
 */
public record MethodView(long id, String typeId, String nameKey, String detail, String usedForKey, boolean isDefault,
		boolean allowed, String changePath, boolean removable, String listedDetail, Instant addedAt) {

	/** {@link #addedAt} in UTC, as pages show times; null when the row shows no date. */
	public LocalDateTime addedAtUtc() {
		return addedAt == null ? null : LocalDateTime.ofInstant(addedAt, ZoneOffset.UTC);
	}

}
