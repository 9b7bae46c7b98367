-- One row per limited key (a person's or a number's sends, an email's or a client address's password resets): a
-- request locks the row before it counts and inserts, so that the count and the insert are one decision, across
-- threads and app instances. Created on first use; housekeeping deletes rows nobody locked for two days.
CREATE TABLE limit_lock (
    name       VARCHAR(400) NOT NULL PRIMARY KEY,
    touched_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_limit_lock_touched ON limit_lock (touched_at);

-- An authenticator app's wrong codes since its last accepted one, which its 15-minute locks do not reset: at 100
-- the app is disabled until it is set up again (NIST SP 800-63B, 5.2.2).
ALTER TABLE authenticator_app ADD COLUMN failures_since_success INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE authenticator_app ADD COLUMN disabled_at TIMESTAMP(6) WITH TIME ZONE;
