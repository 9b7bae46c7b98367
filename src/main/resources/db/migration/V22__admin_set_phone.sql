-- A phone number an administrator set for a person (issue 17): kept here, not as a security_method row, until the
-- person proves it with a code, so that it signs in and resets nothing before. One per person; the stored detail
-- as security_method keeps it (E.164).
CREATE TABLE admin_set_phone (
    account_id BIGINT                      NOT NULL,
    detail     VARCHAR(320)                NOT NULL,
    reason     VARCHAR(500)                NOT NULL,
    set_by     BIGINT,
    set_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT admin_set_phone_pk PRIMARY KEY (account_id),
    CONSTRAINT fk_admin_set_phone_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);
