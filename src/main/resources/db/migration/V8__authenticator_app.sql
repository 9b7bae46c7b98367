-- Authenticator apps (TOTP). Their secrets must be read back to check codes, so they are encrypted, not hashed:
-- AES-GCM with a key kept outside the database (app.totp.encryption-key); each value is a random 12-byte IV
-- followed by the ciphertext and its tag.

-- Setting up an app: the secret shown to the person, until a code from the app proves they saved it. Once kept
-- with the registered app, the set-up's copy is emptied.
CREATE TABLE authenticator_enrolment (
    id               VARCHAR(36) NOT NULL PRIMARY KEY,
    account_id       BIGINT      NOT NULL,
    encrypted_secret BYTEA       NOT NULL,
    status           VARCHAR(20) NOT NULL,
    wrong_attempts   INTEGER     NOT NULL,
    accepted_step    BIGINT,
    created_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    expires_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    completed_at     TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT fk_enrolment_account FOREIGN KEY (account_id) REFERENCES account (id)
);
CREATE INDEX ix_enrolment_account ON authenticator_enrolment (account_id);

-- A registered app, beside its security method and deleted with it: its secret, the last time step a code was
-- accepted for (no code is accepted twice), and its wrong codes in a row.
CREATE TABLE authenticator_app (
    method_id            BIGINT  NOT NULL PRIMARY KEY,
    account_id           BIGINT  NOT NULL,
    encrypted_secret     BYTEA   NOT NULL,
    last_accepted_step   BIGINT  NOT NULL,
    consecutive_failures INTEGER NOT NULL,
    locked_until         TIMESTAMP(6) WITH TIME ZONE,
    updated_at           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_authenticator_app_method FOREIGN KEY (method_id) REFERENCES security_method (id) ON DELETE CASCADE
);
