package io.securityinfo.securityinfo;

import java.util.List;

/**
 * What the Security info page shows: the person's methods, their default sign-in method (null when none) and the
 * method sign-in asks for first, with why (null when not asked for).
 */
public record Overview(List<MethodView> methods, DefaultChoice defaultMethod, SignInOrder signInOrder) {

}
