package io.securityinfo.securityinfo;

/** A registered method as Security info lists it. */
public record MethodView(long id, String typeId, String nameKey, String detail, boolean canSignIn,
		boolean isDefault) {

}
