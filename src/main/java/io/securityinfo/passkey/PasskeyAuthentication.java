package io.securityinfo.passkey;

import java.util.Collection;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

import io.securityinfo.account.SignedInUser;

/**
 * A person signed in with a passkey: the same principal as a password sign-in gives ({@link SignedInUser}), with
 * the {@code FACTOR_WEBAUTHN} factor. It declares {@link #toBuilder()}, so that after a password (a second step, a
 * step-up) the authentication filter merges the factors given earlier into it.
 */
final class PasskeyAuthentication extends AbstractAuthenticationToken {

	private static final long serialVersionUID = 1L;

	private final Object principal;

	PasskeyAuthentication(SignedInUser user, Collection<? extends GrantedAuthority> authorities) {
		super(authorities);
		this.principal = user;
		super.setAuthenticated(true);
	}

	private PasskeyAuthentication(Builder builder) {
		super(builder);
		this.principal = builder.principal;
	}

	@Override
	public Object getCredentials() {
		return null;
	}

	@Override
	public Object getPrincipal() {
		return principal;
	}

	@Override
	public Builder toBuilder() {
		return new Builder(this);
	}

	/** Lets Spring Security add the factors given earlier to this one. */
	static final class Builder extends AbstractAuthenticationBuilder<Builder> {

		private Object principal;

		private Builder(PasskeyAuthentication authentication) {
			super(authentication);
			this.principal = authentication.principal;
		}

		@Override
		public Builder principal(Object principal) {
			this.principal = principal;
			return this;
		}

		@Override
		public PasskeyAuthentication build() {
			return new PasskeyAuthentication(this);
		}

	}

}
