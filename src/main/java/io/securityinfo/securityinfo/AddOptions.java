package io.securityinfo.securityinfo;

import java.util.List;

/**
 * What "Add a method" offers: the types this person may still add, and whether the policy hides any type they
 * could otherwise add.
 */
public record AddOptions(List<MethodType> types, boolean someHiddenByPolicy) {

}
