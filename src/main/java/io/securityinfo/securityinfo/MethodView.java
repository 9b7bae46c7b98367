package io.securityinfo.securityinfo;

/**
 * A registered method as Security info lists it. A method whose type the policy no longer allows stays listed,
 * marked as not allowed.
 *
 * @param usedForKey what the method may be used for, as a message key ({@link MethodUse})
 * @param removable whether the person may delete it themselves
 */
public record MethodView(long id, String typeId, String nameKey, String detail, String usedForKey, boolean isDefault,
		boolean allowed, String changePath, boolean removable) {

}
