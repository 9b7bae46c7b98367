package io.securityinfo.passkey;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.AttestationConveyancePreference;
import com.webauthn4j.data.AuthenticatorAssertionResponse;
import com.webauthn4j.data.AuthenticatorAttestationResponse;
import com.webauthn4j.data.AuthenticatorSelectionCriteria;
import com.webauthn4j.data.PublicKeyCredential;
import com.webauthn4j.data.PublicKeyCredentialCreationOptions;
import com.webauthn4j.data.PublicKeyCredentialDescriptor;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialRequestOptions;
import com.webauthn4j.data.PublicKeyCredentialRpEntity;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.PublicKeyCredentialUserEntity;
import com.webauthn4j.data.ResidentKeyRequirement;
import com.webauthn4j.data.UserVerificationRequirement;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput;
import com.webauthn4j.test.authenticator.webauthn.NoneAttestationAuthenticator;
import com.webauthn4j.test.authenticator.webauthn.WebAuthnAuthenticatorAdaptor;
import com.webauthn4j.test.client.ClientPlatform;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A passkey authenticator in software, for the server-side tests: webauthn4j's test support (a model authenticator
 * with attestation "none", user verification, a signature counter that counts up) behind a client platform that
 * writes the client data a browser would. It reads the options JSON the app's endpoints answer and writes the
 * JSON {@code /js/passkey.js} posts, so a test goes through the same endpoints as the browser, with real keys and
 * signatures. Its knobs make the wrong answers a browser never sends: another origin, another relying party id,
 * no user verification.
 */
public final class SoftwareAuthenticator {

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder BASE64URL_DECODER = Base64.getUrlDecoder();

	private final JsonMapper json = JsonMapper.builder().build();

	private final NoneAttestationAuthenticator authenticator;

	private final ClientPlatform client;

	private String relyingPartyIdOverride;

	private boolean userVerification = true;

	private boolean ignoringAllowList;

	/** A new authenticator, as a browser on this origin ({@code http://localhost:8080}, the tests' public URL). */
	public SoftwareAuthenticator(String origin) {
		this.authenticator = new NoneAttestationAuthenticator(AAGUID.ZERO, 0, true, new ObjectConverter());
		this.authenticator.setCountUpEnabled(true);
		this.client = new ClientPlatform(new Origin(origin), new WebAuthnAuthenticatorAdaptor(authenticator));
	}

	/** Answers from now on as if the page were on another origin (a phishing site relaying the prompt). */
	public SoftwareAuthenticator origin(String origin) {
		client.setOrigin(new Origin(origin));
		return this;
	}

	/** Signs for another relying party id than the prompt names. */
	public SoftwareAuthenticator relyingPartyId(String relyingPartyId) {
		this.relyingPartyIdOverride = relyingPartyId;
		return this;
	}

	/**
	 * Skips user verification (no fingerprint, face or PIN), whatever the prompt asks: the new passkey's flags say
	 * so, and sign-in answers are signed without the flag.
	 */
	public SoftwareAuthenticator withoutUserVerification() {
		this.userVerification = false;
		return this;
	}


	/**
	 * Answers a registration prompt ({@code POST /webauthn/register/options}'s JSON) with a new passkey.
	 * @return the credential as the page's script posts it
	 */
	public String register(String creationOptionsJson) {
		JsonNode options = json.readTree(creationOptionsJson);
		JsonNode user = options.path("user");
		JsonNode selection = options.path("authenticatorSelection");
		List<PublicKeyCredentialParameters> algorithms = new ArrayList<>();
		options.path("pubKeyCredParams").forEach(parameter -> {
			if (parameter.path("alg").asLong() == COSEAlgorithmIdentifier.ES256.getValue()) {
				algorithms.add(new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY,
						COSEAlgorithmIdentifier.ES256));
			}
		});
		PublicKeyCredentialCreationOptions creation = new PublicKeyCredentialCreationOptions(
				new PublicKeyCredentialRpEntity(signedRelyingPartyId(options.path("rp").path("id").asString()),
						options.path("rp").path("name").asString()),
				new PublicKeyCredentialUserEntity(bytes(user.path("id").asString()), user.path("name").asString(),
						user.path("displayName").asString()),
				new DefaultChallenge(bytes(options.path("challenge").asString())), algorithms,
				options.path("timeout").asLong(), descriptors(options.path("excludeCredentials")),
				new AuthenticatorSelectionCriteria(null,
						ResidentKeyRequirement.create(selection.path("residentKey").asString("required")),
						userVerification(selection.path("userVerification").asString("preferred"))),
				AttestationConveyancePreference.NONE, null);
		PublicKeyCredential<AuthenticatorAttestationResponse, ?> created = client.create(creation);
		byte[] attestationObject = created.getResponse().getAttestationObject();
		if (!userVerification) {
			attestationObject = withoutUserVerifiedFlag(attestationObject);
		}
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("attestationObject", base64url(attestationObject));
		response.put("clientDataJSON", base64url(created.getResponse().getClientDataJSON()));
		response.put("transports", List.of("internal"));
		return credential(created.getRawId(), response, "type");
	}

	/**
	 * Answers a sign-in prompt ({@code POST /webauthn/authenticate/options}'s JSON) with this authenticator's
	 * passkey for its relying party.
	 * @return the assertion as the page's script posts it to {@code /login/webauthn}
	 */
	public String signIn(String requestOptionsJson) {
		JsonNode options = json.readTree(requestOptionsJson);
		PublicKeyCredentialRequestOptions request = new PublicKeyCredentialRequestOptions(
				new DefaultChallenge(bytes(options.path("challenge").asString())), options.path("timeout").asLong(),
				options.path("rpId").asString(),
				ignoringAllowList ? List.of() : descriptors(options.path("allowCredentials")),
				userVerification(options.path("userVerification").asString("preferred")), null);
		PublicKeyCredential<AuthenticatorAssertionResponse, ?> assertion = client.get(request);
		byte[] authenticatorData = assertion.getResponse().getAuthenticatorData();
		byte[] clientData = assertion.getResponse().getClientDataJSON();
		byte[] signature = assertion.getResponse().getSignature();
		if (relyingPartyIdOverride != null) {
			// A correctly signed answer, for another relying party than the prompt's.
			authenticatorData = authenticatorData.clone();
			System.arraycopy(sha256(relyingPartyIdOverride.getBytes(StandardCharsets.UTF_8)), 0, authenticatorData, 0,
					32);
			signature = sign(assertion.getRawId(), authenticatorData, clientData);
		}
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("authenticatorData", base64url(authenticatorData));
		response.put("clientDataJSON", base64url(clientData));
		response.put("signature", base64url(signature));
		if (assertion.getResponse().getUserHandle() != null) {
			response.put("userHandle", base64url(assertion.getResponse().getUserHandle()));
		}
		return credential(assertion.getRawId(), response, "credType");
	}

	/** Answers with its passkey even when the prompt allows only other passkeys (another person's). */
	public SoftwareAuthenticator ignoringAllowList() {
		this.ignoringAllowList = true;
		return this;
	}

	/**
	 * The attestation object as an authenticator that did not verify its user would send it: attestation "none"
	 * signs nothing, so only the flag differs.
	 */
	private static byte[] withoutUserVerifiedFlag(byte[] attestationObject) {
		AttestationObjectConverter converter = new AttestationObjectConverter(new ObjectConverter());
		AttestationObject parsed = converter.convert(attestationObject);
		AuthenticatorData<RegistrationExtensionAuthenticatorOutput> data = parsed.getAuthenticatorData();
		byte flags = (byte) (data.getFlags() & ~AuthenticatorData.BIT_UV);
		return converter.convertToBytes(new AttestationObject(new AuthenticatorData<>(data.getRpIdHash(), flags,
				data.getSignCount(), data.getAttestedCredentialData(), data.getExtensions()),
				parsed.getAttestationStatement()));
	}

	private byte[] sign(byte[] credentialId, byte[] authenticatorData, byte[] clientData) {
		try {
			Signature signer = Signature.getInstance("SHA256withECDSA");
			signer.initSign(authenticator.lookup(credentialId).getPrivateKey().getPrivateKey());
			signer.update(authenticatorData);
			signer.update(sha256(clientData));
			return signer.sign();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String credential(byte[] rawId, Map<String, Object> response, String typeField) {
		Map<String, Object> credential = new LinkedHashMap<>();
		credential.put("id", base64url(rawId));
		credential.put("rawId", base64url(rawId));
		credential.put("response", response);
		credential.put(typeField, "public-key");
		credential.put("clientExtensionResults", Map.of());
		credential.put("authenticatorAttachment", "platform");
		return json.writeValueAsString(credential);
	}

	private String signedRelyingPartyId(String asked) {
		return relyingPartyIdOverride != null ? relyingPartyIdOverride : asked;
	}

	private UserVerificationRequirement userVerification(String asked) {
		return userVerification ? UserVerificationRequirement.create(asked) : UserVerificationRequirement.DISCOURAGED;
	}

	private static List<PublicKeyCredentialDescriptor> descriptors(JsonNode list) {
		List<PublicKeyCredentialDescriptor> descriptors = new ArrayList<>();
		list.forEach(descriptor -> descriptors.add(new PublicKeyCredentialDescriptor(
				PublicKeyCredentialType.PUBLIC_KEY, bytes(descriptor.path("id").asString()), null)));
		return descriptors;
	}

	static byte[] bytes(String base64url) {
		return BASE64URL_DECODER.decode(base64url);
	}

	static String base64url(byte[] bytes) {
		return BASE64URL.encodeToString(bytes);
	}

}
