package io.securityinfo.groups;

/**
 * Published when an administrator created or deleted a group or changed who is in it, in the transaction of the
 * change.
 *
 * @param adminId who changed it
 * @param change what changed
 * @param groupName the group's name, as people read it
 * @param memberId for a member added or removed, whose account; else null
 */
public record GroupChanged(long adminId, Change change, String groupName, Long memberId) {

	public enum Change {

		CREATED, DELETED, MEMBER_ADDED, MEMBER_REMOVED

	}

}
