package io.securityinfo.securityinfo;

import java.util.List;

/** What the Security info page shows: the person's methods and their default sign-in method (null when none). */
public record Overview(List<MethodView> methods, DefaultChoice defaultMethod) {

}
