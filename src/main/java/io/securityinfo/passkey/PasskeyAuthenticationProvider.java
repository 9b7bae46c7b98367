package io.securityinfo.passkey;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;

import io.securityinfo.ClientAddress;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.policy.MethodPolicy;

/**
 * Checks a passkey's answer to a sign-in prompt (through {@link PasskeyRelyingParty}) and signs its owner in as a
 * password would ({@link SignedInUser}), with the factor {@code FACTOR_WEBAUTHN} stamped by the application's clock:
 * the step-up rule compares it with that clock. Refused: a disabled account, a person the policy no longer lets use
 * passkeys, and another person's passkey while someone is signed in (a second step or a step-up is the signed-in
 * person's own; the prompt also only allows their passkeys).
 */
final class PasskeyAuthenticationProvider implements AuthenticationProvider {

	private final WebAuthnRelyingPartyOperations relyingParty;

	private final UserCredentialRepository credentials;

	private final UserDetailsService users;

	private final MethodPolicy policy;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PasskeyAuthenticationProvider(WebAuthnRelyingPartyOperations relyingParty, UserCredentialRepository credentials,
			UserDetailsService users, MethodPolicy policy, ApplicationEventPublisher events, Clock clock) {
		this.relyingParty = relyingParty;
		this.credentials = credentials;
		this.users = users;
		this.policy = policy;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		WebAuthnAuthenticationRequestToken request = (WebAuthnAuthenticationRequestToken) authentication;
		PublicKeyCredentialUserEntity owner;
		try {
			owner = relyingParty.authenticate(request.getWebAuthnRequest());
		}
		catch (AuthenticationException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new BadCredentialsException("The passkey did not verify", ex);
		}
		UserDetails details = users.loadUserByUsername(owner.getName());
		if (!(details instanceof SignedInUser user)) {
			throw new BadCredentialsException("No such person");
		}
		if (!user.isEnabled()) {
			throw new DisabledException("Account disabled");
		}
		if (!policy.allowedFor(user.id()).contains(Passkeys.POLICY_METHOD)) {
			throw new BadCredentialsException("Passkeys are not allowed for this person");
		}
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		boolean afterPassword = current != null && current.isAuthenticated()
				&& current.getPrincipal() instanceof SignedInUser;
		if (afterPassword && ((SignedInUser) current.getPrincipal()).id() != user.id()) {
			throw new BadCredentialsException("Another person's passkey");
		}
		List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
		authorities.add(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.WEBAUTHN_AUTHORITY)
			.issuedAt(clock.instant())
			.build());
		CredentialRecord used = credentials.findByCredentialId(request.getWebAuthnRequest().getPublicKey().getRawId());
		events.publishEvent(new PasskeySignedIn(user.id(), used == null ? null : used.getLabel(), afterPassword,
				clock.instant(), ClientAddress.current()));
		return new PasskeyAuthentication(user, authorities);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return WebAuthnAuthenticationRequestToken.class.isAssignableFrom(authentication);
	}

}
