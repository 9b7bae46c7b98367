package io.securityinfo.passkey;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.web.webauthn.api.AuthenticatorAttestationResponse;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredential;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.jackson.WebauthnJacksonModule;
import org.springframework.security.web.webauthn.management.ImmutableRelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.RelyingPartyPublicKey;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.securityinfo.policy.AuthenticationMethod;

/**
 * A person's passkeys: registering one from the browser's answer to the prompt, listing, renaming and deleting them.
 * A person's passkeys hang on their WebAuthn user entity, whose name is their sign-in email. The method they make on
 * Security info (one "Passkey" method, however many passkeys) is securityinfo's to keep.
 */
@Service
public class Passkeys {

	/** The policy's "Passkey" switch; named here as the type's id is (the securityinfo folder reads it). */
	public static final String METHOD_TYPE_ID = "PASSKEY";

	public static final AuthenticationMethod POLICY_METHOD = new AuthenticationMethod(METHOD_TYPE_ID);

	/** The factor a passkey gives, as Spring Security names it: {@code FACTOR_WEBAUTHN}. */
	public static final String SECOND_FACTOR = "WEBAUTHN";

	/** The longest name a passkey may have. */
	public static final int NAME_LENGTH = 60;

	private final WebAuthnRelyingPartyOperations relyingParty;

	private final PublicKeyCredentialUserEntityRepository userEntities;

	private final UserCredentialRepository credentials;

	private final PublicKeyCredentialCreationOptionsRepository creationOptions;

	private final JsonMapper json = JsonMapper.builder().addModule(new WebauthnJacksonModule()).build();

	private final PasskeyProperties properties;

	private final Clock clock;

	Passkeys(WebAuthnRelyingPartyOperations relyingParty, PublicKeyCredentialUserEntityRepository userEntities,
			UserCredentialRepository credentials, PublicKeyCredentialCreationOptionsRepository creationOptions,
			PasskeyProperties properties, Clock clock) {
		this.relyingParty = relyingParty;
		this.creationOptions = creationOptions;
		this.userEntities = userEntities;
		this.credentials = credentials;
		this.properties = properties;
		this.clock = clock;
	}

	/** How many passkeys one person may keep ({@code app.passkeys.max-per-person}). */
	public int maxPerPerson() {
		return properties.maxPerPerson();
	}

	/** The person's passkeys, oldest first. */
	@Transactional(readOnly = true)
	public List<Passkey> list(String email) {
		return records(email).stream()
			.sorted(Comparator.comparing(CredentialRecord::getCreated,
					Comparator.nullsFirst(Comparator.naturalOrder())))
			.map(Passkeys::view)
			.toList();
	}

	@Transactional(readOnly = true)
	public int count(String email) {
		return records(email).size();
	}

	/**
	 * Verifies the browser's answer to the registration prompt this session was given (once: the prompt is used up
	 * whatever the outcome) and keeps the new passkey under this name.
	 * @param credentialJson the browser's {@code PublicKeyCredential}, as JSON (base64url for binary fields)
	 * @throws PasskeyLimitReachedException when the person already has {@link #maxPerPerson()} passkeys
	 * @throws PasskeyRefusedException when there is no prompt, it expired, was made for someone else, or the answer
	 * does not verify (origin, relying party, challenge, user verification, signature)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Passkey register(HttpServletRequest request, HttpServletResponse response, String email,
			String credentialJson, String name) {
		PublicKeyCredentialCreationOptions options = creationOptions.load(request);
		creationOptions.save(request, response, null);
		if (count(email) >= properties.maxPerPerson()) {
			throw new PasskeyLimitReachedException(properties.maxPerPerson());
		}
		if (options == null || !email.equals(options.getUser().getName())) {
			throw new PasskeyRefusedException("No registration prompt for this person", null);
		}
		CredentialRecord registered;
		try {
			PublicKeyCredential<AuthenticatorAttestationResponse> credential = json.readValue(credentialJson,
					attestationType());
			registered = relyingParty.registerCredential(new ImmutableRelyingPartyRegistrationRequest(options,
					new RelyingPartyPublicKey(credential, name)));
		}
		catch (RuntimeException ex) {
			throw new PasskeyRefusedException("The passkey did not verify", ex);
		}
		// Spring Security's table keeps "last used" from the start; a passkey never used has it equal to "added".
		Instant now = clock.instant();
		CredentialRecord kept = ImmutableCredentialRecord.fromCredentialRecord(registered)
			.label(name)
			.created(now)
			.lastUsed(now)
			.build();
		credentials.save(kept);
		return view(kept);
	}

	/**
	 * Renames one of the person's passkeys.
	 * @return the name it had
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public String rename(String email, String passkeyId, String name) {
		CredentialRecord record = owned(email, passkeyId);
		credentials.save(ImmutableCredentialRecord.fromCredentialRecord(record).label(name).build());
		return record.getLabel();
	}

	/** Deletes one of the person's passkeys; it no longer signs them in. */
	@Transactional(propagation = Propagation.MANDATORY)
	public Passkey delete(String email, String passkeyId) {
		CredentialRecord record = owned(email, passkeyId);
		credentials.delete(record.getCredentialId());
		return view(record);
	}

	/** One of the person's passkeys. */
	@Transactional(readOnly = true)
	public Passkey get(String email, String passkeyId) {
		return view(owned(email, passkeyId));
	}

	/** Deletes every passkey of the person, as when their passkey method is deleted. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void deleteAll(String email) {
		PublicKeyCredentialUserEntity user = userEntities.findByUsername(email);
		if (user != null) {
			userEntities.delete(user.getId());
		}
	}

	private CredentialRecord owned(String email, String passkeyId) {
		return records(email).stream()
			.filter(record -> record.getCredentialId().toBase64UrlString().equals(passkeyId))
			.findFirst()
			.orElseThrow(PasskeyNotFoundException::new);
	}

	private List<CredentialRecord> records(String email) {
		PublicKeyCredentialUserEntity user = userEntities.findByUsername(email);
		return user == null ? List.of() : credentials.findByUserId(user.getId());
	}

	private JavaType attestationType() {
		return json.getTypeFactory()
			.constructParametricType(PublicKeyCredential.class, AuthenticatorAttestationResponse.class);
	}

	private static Passkey view(CredentialRecord record) {
		Instant lastUsed = record.getLastUsed() == null || record.getLastUsed().equals(record.getCreated()) ? null
				: record.getLastUsed();
		return new Passkey(record.getCredentialId().toBase64UrlString(), record.getLabel(), record.getCreated(),
				lastUsed, record.isBackupState());
	}

}
