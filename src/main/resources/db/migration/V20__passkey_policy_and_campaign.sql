-- Issue 15: which method is asked for first, phishing-resistant sign-in, and the campaign that nudges people from
-- texts and calls to a stronger method.

-- One row (id = 1) once an administrator saves either setting. Until then the strongest method is asked for first
-- and phishing-resistant sign-in is required of no one.
CREATE TABLE sign_in_policy (
    id                        INTEGER NOT NULL PRIMARY KEY,
    strongest_first           BOOLEAN NOT NULL,
    phishing_resistant        BOOLEAN NOT NULL,
    phishing_resistant_admins BOOLEAN NOT NULL,
    updated_at                TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

-- The groups whose members must sign in phishing-resistantly (besides the administrators, when ticked).
CREATE TABLE phishing_resistant_group (
    policy_id INTEGER NOT NULL,
    group_id  BIGINT  NOT NULL,
    PRIMARY KEY (policy_id, group_id),
    CONSTRAINT fk_phishing_resistant_policy FOREIGN KEY (policy_id) REFERENCES sign_in_policy (id) ON DELETE CASCADE,
    CONSTRAINT fk_phishing_resistant_group FOREIGN KEY (group_id) REFERENCES user_group (id) ON DELETE CASCADE
);
CREATE INDEX ix_phishing_resistant_group ON phishing_resistant_group (group_id);

-- "Nudge people to add a stronger method": one row (id = 1) once an administrator saves it; off until then.
CREATE TABLE registration_campaign (
    id                INTEGER     NOT NULL PRIMARY KEY,
    enabled           BOOLEAN     NOT NULL,
    all_users         BOOLEAN     NOT NULL,
    promoted_type     VARCHAR(40) NOT NULL,
    postpone_days     INTEGER     NOT NULL,
    max_postponements INTEGER     NOT NULL,
    updated_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE TABLE registration_campaign_group (
    campaign_id INTEGER NOT NULL,
    group_id    BIGINT  NOT NULL,
    PRIMARY KEY (campaign_id, group_id),
    CONSTRAINT fk_campaign_group_campaign FOREIGN KEY (campaign_id) REFERENCES registration_campaign (id) ON DELETE CASCADE,
    CONSTRAINT fk_campaign_group_group FOREIGN KEY (group_id) REFERENCES user_group (id) ON DELETE CASCADE
);
CREATE INDEX ix_campaign_group_group ON registration_campaign_group (group_id);

-- A person's "Not now"s for the method a campaign promotes: how many, and until when the last one holds.
-- Promoting another method starts the count again.
CREATE TABLE campaign_postponement (
    account_id      BIGINT      NOT NULL,
    promoted_type   VARCHAR(40) NOT NULL,
    postponements   INTEGER     NOT NULL,
    postponed_until TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (account_id, promoted_type),
    CONSTRAINT fk_campaign_postponement_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);

-- The campaign's progress: how many people had which strongest method, counted once a day and on every view of
-- the progress page; a week keeps its last count. History starts when this migration ran.
CREATE TABLE campaign_week (
    week_start DATE        NOT NULL,
    strongest  VARCHAR(40) NOT NULL,
    people     INTEGER     NOT NULL,
    counted_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (week_start, strongest)
);
