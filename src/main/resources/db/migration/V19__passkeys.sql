-- Passkeys (WebAuthn), in the shape Spring Security's JdbcPublicKeyCredentialUserEntityRepository and
-- JdbcUserCredentialRepository read and write (its user-entities-schema.sql and user-credentials-schema.sql, with
-- BYTEA for its BLOBs so that one script runs on H2 and PostgreSQL). Nothing here is secret: a passkey's private
-- key never leaves the person's device; the server keeps its public key, its signature counter and flags.

-- The WebAuthn "user" of a person: a random handle (base64url), and the sign-in email as its name.
CREATE TABLE user_entities (
    id           VARCHAR(1000) NOT NULL PRIMARY KEY,
    name         VARCHAR(320)  NOT NULL,
    display_name VARCHAR(320),
    CONSTRAINT uq_user_entities_name UNIQUE (name)
);

-- One row per passkey: its public key (COSE), the signature counter last seen (a lower one refuses the sign-in),
-- whether user verification was done at registration, the backup flags, its name ("label"), when it was added
-- and last used.
CREATE TABLE user_credentials (
    credential_id                VARCHAR(1000) NOT NULL PRIMARY KEY,
    user_entity_user_id          VARCHAR(1000) NOT NULL,
    public_key                   BYTEA         NOT NULL,
    signature_count              BIGINT,
    uv_initialized               BOOLEAN,
    backup_eligible              BOOLEAN       NOT NULL,
    authenticator_transports     VARCHAR(1000),
    public_key_credential_type   VARCHAR(100),
    backup_state                 BOOLEAN       NOT NULL,
    attestation_object           BYTEA,
    attestation_client_data_json BYTEA,
    created                      TIMESTAMP,
    last_used                    TIMESTAMP,
    label                        VARCHAR(1000) NOT NULL,
    CONSTRAINT fk_user_credentials_user_entity FOREIGN KEY (user_entity_user_id) REFERENCES user_entities (id)
        ON DELETE CASCADE
);
CREATE INDEX ix_user_credentials_user_entity ON user_credentials (user_entity_user_id);
