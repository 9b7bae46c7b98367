package io.securityinfo.twostep;

import java.util.List;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

import io.securityinfo.securityinfo.MethodMode;
import io.securityinfo.securityinfo.MethodTypes;

/**
 * The factors a person gives after the password, one per sign-in mode of the method types, named as Spring
 * Security names factors ({@code FACTOR_SMS}): each mode carries its factor's name
 * ({@link MethodMode#secondFactor()}). Email and security questions are never among them: they have no sign-in
 * modes, as they only help to reset a password.
 */
@Component
class SecondFactors {

	private final List<String> authorities;

	private final Set<String> authoritySet;

	SecondFactors(MethodTypes types) {
		this.authorities = types.signInModes().stream().map(SecondFactors::authority).distinct().toList();
		this.authoritySet = Set.copyOf(authorities);
	}

	/** The authority Spring Security grants for the mode's factor: {@code FACTOR_} and the factor's name. */
	static String authority(MethodMode mode) {
		return "FACTOR_" + mode.secondFactor();
	}

	/** Every second factor's authority, the strongest type's first. */
	List<String> authorities() {
		return authorities;
	}

	/** Whether this authentication carries a second factor, however old. */
	boolean isGivenIn(Authentication authentication) {
		return authentication != null && authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch(authoritySet::contains);
	}

}
