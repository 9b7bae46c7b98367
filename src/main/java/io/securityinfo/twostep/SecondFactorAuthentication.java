package io.securityinfo.twostep;

import java.util.Collection;
import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

import io.securityinfo.account.SignedInUser;

/**
 * A second factor: before it is checked, the signed-in person, what was asked of them and the code they typed;
 * after, the person and the factor's authority. It declares {@link #toBuilder()}, so that the authentication
 * filter merges the factors given earlier (the password) into it rather than replacing them.
 */
final class SecondFactorAuthentication extends AbstractAuthenticationToken {

	private static final long serialVersionUID = 1L;

	private final Object principal;

	private final transient TwoStepSession.Attempt attempt;

	private Object credentials;

	private SecondFactorAuthentication(SignedInUser user, TwoStepSession.Attempt attempt, String code) {
		super(List.of());
		this.principal = user;
		this.attempt = attempt;
		this.credentials = code;
		setAuthenticated(false);
	}

	private SecondFactorAuthentication(Builder builder) {
		super(builder);
		this.principal = builder.principal;
		this.credentials = builder.credentials;
		this.attempt = null;
	}

	private SecondFactorAuthentication(SignedInUser user, Collection<? extends GrantedAuthority> authorities) {
		super(authorities);
		this.principal = user;
		this.attempt = null;
		super.setAuthenticated(true);
	}

	static SecondFactorAuthentication unauthenticated(SignedInUser user, TwoStepSession.Attempt attempt,
			String code) {
		return new SecondFactorAuthentication(user, attempt, code);
	}

	static SecondFactorAuthentication authenticated(SignedInUser user,
			Collection<? extends GrantedAuthority> authorities) {
		return new SecondFactorAuthentication(user, authorities);
	}

	SignedInUser user() {
		return (SignedInUser) principal;
	}

	TwoStepSession.Attempt attempt() {
		return attempt;
	}

	String code() {
		return credentials instanceof String code ? code : "";
	}

	@Override
	public Object getCredentials() {
		return credentials;
	}

	@Override
	public Object getPrincipal() {
		return principal;
	}

	@Override
	public void eraseCredentials() {
		super.eraseCredentials();
		credentials = null;
	}

	@Override
	public Builder toBuilder() {
		return new Builder(this);
	}

	/** Lets Spring Security add the factors given earlier to this one. */
	static final class Builder extends AbstractAuthenticationBuilder<Builder> {

		private Object principal;

		private Object credentials;

		private Builder(SecondFactorAuthentication authentication) {
			super(authentication);
			this.principal = authentication.principal;
			this.credentials = authentication.credentials;
		}

		@Override
		public Builder principal(Object principal) {
			this.principal = principal;
			return this;
		}

		@Override
		public Builder credentials(Object credentials) {
			this.credentials = credentials;
			return this;
		}

		@Override
		public SecondFactorAuthentication build() {
			return new SecondFactorAuthentication(this);
		}

	}

}
