package io.securityinfo.securityinfo;

/**
 * What deleting a method would do. When it is the default, {@code nextDefault} is the method that takes its place,
 * or null when none can.
 */
public record DeletePreview(MethodView method, boolean isDefault, DefaultChoice nextDefault) {

}
