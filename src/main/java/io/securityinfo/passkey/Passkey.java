package io.securityinfo.passkey;

import java.time.Instant;

/**
 * One of a person's passkeys, as Security info lists it.
 *
 * @param id the credential id, base64url, as the browser and the pages name it
 * @param name the name the person gave it
 * @param addedAt when it was registered
 * @param lastUsedAt when it last signed the person in; null before its first use
 * @param synced whether it is backed up (a synced passkey, in a password manager or a phone's keychain)
 */
public record Passkey(String id, String name, Instant addedAt, Instant lastUsedAt, boolean synced) {
}
