-- Self-service password reset: one row per "Get back into your account", whether or not the email is an account's,
-- so that the rate limits (per email and per client address) and the work done are the same for both.
CREATE TABLE password_reset (
    id                   VARCHAR(64)  NOT NULL PRIMARY KEY,
    -- Null when the email is no enabled account's: such a reset can never succeed.
    account_id           BIGINT,
    -- SHA-256 of the normalized email, hex: the per-account limit counts it, known account or not.
    email_digest         VARCHAR(64)  NOT NULL,
    client_ip            VARCHAR(64)  NOT NULL,
    status               VARCHAR(20)  NOT NULL,
    methods_required     INTEGER      NOT NULL,
    -- The method types proven so far, separated by commas.
    proven_types         VARCHAR(200) NOT NULL,
    -- The way to a code chosen last (TEXT, CALL, EMAIL), the masked number or address typed, and the challenge
    -- of the code sent there (null when nothing was sent: not the person's number, or no such person).
    pending_option       VARCHAR(20),
    pending_destination  VARCHAR(320),
    pending_challenge_id VARCHAR(36),
    wrong_answers        INTEGER      NOT NULL,
    created_at           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    expires_at           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    completed_at         TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT fk_password_reset_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);
CREATE INDEX ix_password_reset_email ON password_reset (email_digest, created_at);
CREATE INDEX ix_password_reset_client ON password_reset (client_ip, created_at);
CREATE INDEX ix_password_reset_account ON password_reset (account_id);
