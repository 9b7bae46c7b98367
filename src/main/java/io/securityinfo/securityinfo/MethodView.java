package io.securityinfo.securityinfo;

/**
 * A registered method as Security info lists it. A method whose type the policy no longer allows stays listed,
 * marked as not allowed.
 */
public record MethodView(long id, String typeId, String nameKey, String detail, boolean canSignIn,
		boolean isDefault, boolean allowed, String changePath) {

}
