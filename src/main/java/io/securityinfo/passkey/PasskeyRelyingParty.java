package io.securityinfo.passkey;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import com.webauthn4j.verifier.exception.MaliciousCounterValueException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.springframework.transaction.support.TransactionTemplate;

import io.securityinfo.ClientAddress;
import io.securityinfo.account.SignedInUser;

/**
 * Spring Security's relying party (webauthn4j underneath) with this application's rules on top:
 * <ul>
 * <li>user verification required, at registration and at sign-in (a passkey is then two factors on its own);
 * attestation {@code none}, resident (discoverable) keys, so that sign-in needs no email;</li>
 * <li>a prompt's challenge carries the time it was issued ({@link Challenges}), and an older one than
 * {@code app.passkeys.ceremony-timeout} is refused;</li>
 * <li>the signature counter: Spring Security checks the presented counter against the one at registration only; here
 * a counter that does not move forward from the last one seen (unless the authenticator keeps none: both zero)
 * refuses the sign-in, keeps the stored counter, and is published as {@link PasskeyCounterRegressed};</li>
 * <li>"last used" by the application's clock.</li>
 * </ul>
 */
final class PasskeyRelyingParty implements WebAuthnRelyingPartyOperations {

	private final Webauthn4JRelyingPartyOperations delegate;

	private final UserCredentialRepository credentials;

	private final PublicKeyCredentialUserEntityRepository userEntities;

	private final UserDetailsService users;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Duration timeout;

	PasskeyRelyingParty(PublicKeyCredentialUserEntityRepository userEntities, UserCredentialRepository credentials,
			PublicKeyCredentialRpEntity relyingParty, Set<String> allowedOrigins, UserDetailsService users,
			TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock, Duration timeout) {
		this.delegate = new Webauthn4JRelyingPartyOperations(userEntities, credentials, relyingParty, allowedOrigins);
		this.delegate.setCustomizeCreationOptions(options -> options
			.authenticatorSelection(AuthenticatorSelectionCriteria.builder()
				.userVerification(UserVerificationRequirement.REQUIRED)
				.residentKey(ResidentKeyRequirement.REQUIRED)
				.build())
			.challenge(Challenges.issue(clock))
			.timeout(timeout));
		this.delegate.setCustomizeRequestOptions(options -> options
			.userVerification(UserVerificationRequirement.REQUIRED)
			.challenge(Challenges.issue(clock))
			.timeout(timeout));
		this.credentials = credentials;
		this.userEntities = userEntities;
		this.users = users;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
		this.timeout = timeout;
	}

	@Override
	public PublicKeyCredentialCreationOptions createPublicKeyCredentialCreationOptions(
			PublicKeyCredentialCreationOptionsRequest request) {
		return transactions.execute(status -> delegate.createPublicKeyCredentialCreationOptions(request));
	}

	/** Verifies a new passkey and stores it; the caller's transaction holds it with the method it belongs to. */
	@Override
	public CredentialRecord registerCredential(RelyingPartyRegistrationRequest request) {
		if (!Challenges.isFresh(request.getCreationOptions().getChallenge(), clock, timeout)) {
			throw new IllegalArgumentException("The registration prompt expired");
		}
		return delegate.registerCredential(request);
	}

	@Override
	public PublicKeyCredentialRequestOptions createCredentialRequestOptions(
			PublicKeyCredentialRequestOptionsRequest request) {
		return delegate.createCredentialRequestOptions(request);
	}

	@Override
	public PublicKeyCredentialUserEntity authenticate(RelyingPartyAuthenticationRequest request) {
		if (!Challenges.isFresh(request.getRequestOptions().getChallenge(), clock, timeout)) {
			throw new BadCredentialsException("The sign-in prompt expired");
		}
		Bytes credentialId = request.getPublicKey().getRawId();
		Outcome outcome = transactions.execute(status -> {
			CredentialRecord before = credentials.findByCredentialId(credentialId);
			if (before == null) {
				throw new BadCredentialsException("Unknown passkey");
			}
			PublicKeyCredentialUserEntity user;
			try {
				user = delegate.authenticate(request);
			}
			catch (MaliciousCounterValueException ex) {
				return regressed(before, before.getSignatureCount() == 0 ? 0 : before.getSignatureCount() - 1);
			}
			CredentialRecord after = credentials.findByCredentialId(credentialId);
			long stored = before.getSignatureCount();
			long presented = after.getSignatureCount();
			if ((stored != 0 || presented != 0) && presented <= stored) {
				return regressed(before, presented);
			}
			credentials.save(ImmutableCredentialRecord.fromCredentialRecord(after).lastUsed(clock.instant()).build());
			return new Outcome(user, null);
		});
		if (outcome.refusal() != null) {
			throw new BadCredentialsException(outcome.refusal());
		}
		return outcome.user();
	}

	/** Keeps the counter that was stored, and tells the audit: the authenticator may have been cloned. */
	private Outcome regressed(CredentialRecord before, long presented) {
		credentials.save(before);
		PublicKeyCredentialUserEntity owner = userEntities.findById(before.getUserEntityUserId());
		if (owner != null && users.loadUserByUsername(owner.getName()) instanceof SignedInUser user) {
			events.publishEvent(new PasskeyCounterRegressed(user.id(), before.getLabel(), before.getSignatureCount(),
					presented, clock.instant(), ClientAddress.current()));
		}
		return new Outcome(null, "The passkey's signature counter went backwards");
	}

	private record Outcome(PublicKeyCredentialUserEntity user, String refusal) {
	}

}
