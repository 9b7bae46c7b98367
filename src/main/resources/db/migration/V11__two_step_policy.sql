-- "Require two-step verification at sign-in": one row (id = 1) once an administrator saves it; until then the
-- configured default (app.policy.two-step.required) applies.
CREATE TABLE two_step_policy (
    id         INTEGER NOT NULL PRIMARY KEY,
    required   BOOLEAN NOT NULL,
    all_users  BOOLEAN NOT NULL,
    updated_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

-- The groups the requirement applies to when it is not for all users.
CREATE TABLE two_step_policy_group (
    policy_id INTEGER NOT NULL,
    group_id  BIGINT  NOT NULL,
    PRIMARY KEY (policy_id, group_id),
    CONSTRAINT fk_two_step_group_policy FOREIGN KEY (policy_id) REFERENCES two_step_policy (id) ON DELETE CASCADE,
    CONSTRAINT fk_two_step_group_group FOREIGN KEY (group_id) REFERENCES user_group (id) ON DELETE CASCADE
);
CREATE INDEX ix_two_step_group_group ON two_step_policy_group (group_id);
