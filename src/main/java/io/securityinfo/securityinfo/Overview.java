package io.securityinfo.securityinfo;

import java.util.List;

/**
 * What the Security info page shows: the person's methods, their default sign-in method (null when none), the
 * method sign-in asks for first, with why (null when not asked for), and whether a method of a type the policy
 * allows is left to add.
 */
public record Overview(List<MethodView> methods, DefaultChoice defaultMethod, SignInOrder signInOrder, boolean canAdd) {

}
