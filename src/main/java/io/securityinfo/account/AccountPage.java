package io.securityinfo.account;

import java.util.List;
import java.util.Objects;

/**
 * One page of the people list in email order, as {@link Accounts#search} finds it: by keyset, a page is the
 * people after or before an email rather than the n-th page, so that no page costs more when there are more
 * people, and none needs to count them.
 *
 * @param people the people on this page, in email order
 * @param previousBefore the email the page before this one ends before (the first one here), or null on the first
 * page
 * @param nextAfter the email the page after this one starts after (the last one here), or null on the last page
 */
public record AccountPage(List<AccountSummary> people, String previousBefore, String nextAfter) {

	public boolean hasPrevious() {
		return previousBefore != null;
	}

	public boolean hasNext() {
		return nextAfter != null;
	}

	/**
	 * Which page to read: the first, the one after or before an email, or the last. The email need not be anyone's:
	 * any text is a place in the email order.
	 */
	public record Position(Kind kind, String email) {

		public Position {
			Objects.requireNonNull(kind, "kind");
			if ((kind == Kind.AFTER || kind == Kind.BEFORE) != (email != null)) {
				throw new IllegalArgumentException("AFTER and BEFORE need an email, FIRST and LAST take none: " + kind);
			}
		}

		public enum Kind {

			FIRST, AFTER, BEFORE, LAST

		}

		public static Position first() {
			return new Position(Kind.FIRST, null);
		}

		public static Position last() {
			return new Position(Kind.LAST, null);
		}

		/**
		 * The page a request asks for with at most one of {@code after}, {@code before} and {@code last}. No
		 * position, more than one, or an email that no address could be (blank, or with control characters: no
		 * address has them, and PostgreSQL refuses the NUL character in a query) is the first page.
		 */
		public static Position of(String after, String before, boolean last) {
			boolean hasAfter = after != null && !after.isBlank();
			boolean hasBefore = before != null && !before.isBlank();
			if ((hasAfter ? 1 : 0) + (hasBefore ? 1 : 0) + (last ? 1 : 0) != 1) {
				return first();
			}
			if (last) {
				return last();
			}
			String email = hasAfter ? after : before;
			if (email.chars().anyMatch(Character::isISOControl)) {
				return first();
			}
			return new Position(hasAfter ? Kind.AFTER : Kind.BEFORE, email);
		}

	}

}
