package io.securityinfo.passkey;

import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;

/**
 * Keeps a registration prompt in the session as a {@link Serializable} record of what checking the browser's answer
 * reads (the relying party, the person's WebAuthn user, the challenge, the algorithms, user verification): sessions
 * live in the database (Spring Session JDBC, Java serialization), and Spring Security 7.0's creation options are not
 * serializable.
 */
final class SessionCreationOptions implements PublicKeyCredentialCreationOptionsRepository {

	static final String ATTRIBUTE = SessionCreationOptions.class.getName() + ".OPTIONS";

	private static final List<PublicKeyCredentialParameters> KNOWN_ALGORITHMS = List.of(
			PublicKeyCredentialParameters.EdDSA, PublicKeyCredentialParameters.ES256,
			PublicKeyCredentialParameters.ES384, PublicKeyCredentialParameters.ES512,
			PublicKeyCredentialParameters.RS256, PublicKeyCredentialParameters.RS384,
			PublicKeyCredentialParameters.RS512);

	@Override
	public void save(HttpServletRequest request, HttpServletResponse response,
			PublicKeyCredentialCreationOptions options) {
		if (options == null) {
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.removeAttribute(ATTRIBUTE);
			}
			return;
		}
		request.getSession().setAttribute(ATTRIBUTE, Prompt.of(options));
	}

	@Override
	public PublicKeyCredentialCreationOptions load(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return session != null && session.getAttribute(ATTRIBUTE) instanceof Prompt prompt ? prompt.options() : null;
	}

	/** The prompt, in types a session can keep; its passkey is always resident (discoverable). */
	record Prompt(String rpId, String rpName, byte[] userId, String userName, String userDisplayName,
			byte[] challenge, long[] algorithms, String userVerification, long timeoutMillis)
			implements Serializable {

		@Serial
		private static final long serialVersionUID = 1L;

		static Prompt of(PublicKeyCredentialCreationOptions options) {
			AuthenticatorSelectionCriteria selection = options.getAuthenticatorSelection();
			return new Prompt(options.getRp().getId(), options.getRp().getName(), options.getUser().getId().getBytes(),
					options.getUser().getName(), options.getUser().getDisplayName(),
					options.getChallenge().getBytes(),
					options.getPubKeyCredParams().stream().mapToLong(parameter -> parameter.getAlg().getValue()).toArray(),
					selection.getUserVerification().getValue(), options.getTimeout() == null ? 0 : options.getTimeout().toMillis());
		}

		PublicKeyCredentialCreationOptions options() {
			return PublicKeyCredentialCreationOptions.builder()
				.rp(PublicKeyCredentialRpEntity.builder().id(rpId).name(rpName).build())
				.user(ImmutablePublicKeyCredentialUserEntity.builder()
					.id(new Bytes(userId))
					.name(userName)
					.displayName(userDisplayName)
					.build())
				.challenge(new Bytes(challenge))
				.pubKeyCredParams(KNOWN_ALGORITHMS.stream()
					.filter(known -> LongStream.of(algorithms).anyMatch(alg -> alg == known.getAlg().getValue()))
					.toList())
				.authenticatorSelection(AuthenticatorSelectionCriteria.builder()
					.userVerification(UserVerificationRequirement.REQUIRED.getValue().equals(userVerification)
							? UserVerificationRequirement.REQUIRED : UserVerificationRequirement.PREFERRED)
					.residentKey(ResidentKeyRequirement.REQUIRED)
					.build())
				.timeout(Duration.ofMillis(timeoutMillis))
				.build();
		}

	}

}
