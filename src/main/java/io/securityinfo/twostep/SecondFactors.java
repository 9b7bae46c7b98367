package io.securityinfo.twostep;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import io.securityinfo.securityinfo.MethodMode;
import io.securityinfo.verification.Channel;

/**
 * The factors a person gives after the password, one per sign-in mode, named as Spring Security names factors
 * ({@code FACTOR_SMS}). Email and security questions are never among them: they only help to reset a password.
 */
enum SecondFactors {

	TEXT(MethodMode.TEXT, "SMS", Channel.SMS), CALL(MethodMode.CALL, "VOICE", Channel.VOICE),
	APP_CODE(MethodMode.APP_CODE, "AUTHENTICATOR_APP", null);

	static final List<String> AUTHORITIES = Arrays.stream(values()).map(SecondFactors::authority).toList();

	private static final Set<String> AUTHORITY_SET = Set.copyOf(AUTHORITIES);

	private final MethodMode mode;

	private final String factor;

	private final Channel channel;

	SecondFactors(MethodMode mode, String factor, Channel channel) {
		this.mode = mode;
		this.factor = factor;
		this.channel = channel;
	}

	static SecondFactors of(MethodMode mode) {
		return Arrays.stream(values())
			.filter(second -> second.mode == mode)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No second factor for " + mode));
	}

	/** The name given to {@code FactorGrantedAuthority.withFactor}. */
	String factor() {
		return factor;
	}

	/** The authority Spring Security grants for the factor: {@code FACTOR_} and the factor's name. */
	String authority() {
		return "FACTOR_" + factor;
	}

	/** How a code reaches the phone for this factor; null for the app, which shows its own codes. */
	Channel channel() {
		return channel;
	}

	/** Whether this authentication carries a second factor, however old. */
	static boolean isGivenIn(Authentication authentication) {
		return authentication != null && authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch(AUTHORITY_SET::contains);
	}

}
