-- The audit log keeps facts instead of sentences (issue 14): the method type, the mode ("TEXT", "CALL",
-- "APP_CODE", "EMAIL"), the target (a masked number or address, an email, a group's name, a client address) and
-- further facts by name ("sessions=2", "method=SMS&setting=OFF"; a value's own %, & and = written %25, %26, %3D).
-- Pages tell them in the reader's language. The rows written before are read here from the texts and codes the
-- services wrote up to V16; a text that is none of those stays in detail, and the pages show it as it was.
-- Plain SQL (LIKE, SUBSTRING, POSITION, REPLACE): the same on H2 and PostgreSQL.
ALTER TABLE audit_event ADD COLUMN method_type VARCHAR(40);
ALTER TABLE audit_event ADD COLUMN method_mode VARCHAR(20);
ALTER TABLE audit_event ADD COLUMN target VARCHAR(320);
ALTER TABLE audit_event ADD COLUMN facts VARCHAR(2000);

-- A method added, deleted or replaced: its type, and its masked detail but the app's "TOTP", which told nothing.
UPDATE audit_event
SET method_type = 'AUTHENTICATOR_APP',
    detail = NULL
WHERE action IN ('METHOD_ADDED', 'METHOD_DELETED', 'AUTHENTICATOR_APP_REPLACED')
  AND detail IN ('AUTHENTICATOR_APP TOTP', 'AUTHENTICATOR_APP');
UPDATE audit_event
SET method_type = 'SECURITY_QUESTIONS',
    target = SUBSTRING(detail FROM 20 FOR CHAR_LENGTH(detail) - 27),
    detail = NULL
WHERE action IN ('METHOD_ADDED', 'METHOD_DELETED', 'AUTHENTICATOR_APP_REPLACED')
  AND detail LIKE 'SECURITY!_QUESTIONS % answers' ESCAPE '!';
UPDATE audit_event
SET method_type = 'PHONE',
    target = SUBSTRING(detail FROM 7),
    detail = NULL
WHERE action IN ('METHOD_ADDED', 'METHOD_DELETED', 'AUTHENTICATOR_APP_REPLACED')
  AND detail LIKE 'PHONE %' ESCAPE '!'
  AND CHAR_LENGTH(detail) <= 320;
UPDATE audit_event
SET method_type = 'ALTERNATE_PHONE',
    target = SUBSTRING(detail FROM 17),
    detail = NULL
WHERE action IN ('METHOD_ADDED', 'METHOD_DELETED', 'AUTHENTICATOR_APP_REPLACED')
  AND detail LIKE 'ALTERNATE!_PHONE %' ESCAPE '!'
  AND CHAR_LENGTH(detail) <= 320;
UPDATE audit_event
SET method_type = 'OFFICE_PHONE',
    target = SUBSTRING(detail FROM 14),
    detail = NULL
WHERE action IN ('METHOD_ADDED', 'METHOD_DELETED', 'AUTHENTICATOR_APP_REPLACED')
  AND detail LIKE 'OFFICE!_PHONE %' ESCAPE '!'
  AND CHAR_LENGTH(detail) <= 320;
UPDATE audit_event
SET method_type = 'EMAIL',
    target = SUBSTRING(detail FROM 7),
    detail = NULL
WHERE action IN ('METHOD_ADDED', 'METHOD_DELETED', 'AUTHENTICATOR_APP_REPLACED')
  AND detail LIKE 'EMAIL %' ESCAPE '!'
  AND CHAR_LENGTH(detail) <= 320;
-- The default sign-in method: type, mode and masked number.
UPDATE audit_event
SET method_type = 'AUTHENTICATOR_APP',
    method_mode = 'APP_CODE',
    detail = NULL
WHERE action = 'DEFAULT_METHOD_CHANGED'
  AND detail = 'AUTHENTICATOR_APP TOTP APP_CODE';
UPDATE audit_event
SET method_type = 'PHONE',
    method_mode = 'TEXT',
    target = SUBSTRING(detail FROM 7 FOR CHAR_LENGTH(detail) - 11),
    detail = NULL
WHERE action = 'DEFAULT_METHOD_CHANGED'
  AND detail LIKE 'PHONE % TEXT' ESCAPE '!'
  AND CHAR_LENGTH(detail) <= 320;
UPDATE audit_event
SET method_type = 'PHONE',
    method_mode = 'CALL',
    target = SUBSTRING(detail FROM 7 FOR CHAR_LENGTH(detail) - 11),
    detail = NULL
WHERE action = 'DEFAULT_METHOD_CHANGED'
  AND detail LIKE 'PHONE % CALL' ESCAPE '!'
  AND CHAR_LENGTH(detail) <= 320;
UPDATE audit_event
SET method_type = 'ALTERNATE_PHONE',
    method_mode = 'TEXT',
    target = SUBSTRING(detail FROM 17 FOR CHAR_LENGTH(detail) - 21),
    detail = NULL
WHERE action = 'DEFAULT_METHOD_CHANGED'
  AND detail LIKE 'ALTERNATE!_PHONE % TEXT' ESCAPE '!'
  AND CHAR_LENGTH(detail) <= 320;
UPDATE audit_event
SET method_type = 'ALTERNATE_PHONE',
    method_mode = 'CALL',
    target = SUBSTRING(detail FROM 17 FOR CHAR_LENGTH(detail) - 21),
    detail = NULL
WHERE action = 'DEFAULT_METHOD_CHANGED'
  AND detail LIKE 'ALTERNATE!_PHONE % CALL' ESCAPE '!'
  AND CHAR_LENGTH(detail) <= 320;
UPDATE audit_event
SET method_type = 'OFFICE_PHONE',
    method_mode = 'TEXT',
    target = SUBSTRING(detail FROM 14 FOR CHAR_LENGTH(detail) - 18),
    detail = NULL
WHERE action = 'DEFAULT_METHOD_CHANGED'
  AND detail LIKE 'OFFICE!_PHONE % TEXT' ESCAPE '!'
  AND CHAR_LENGTH(detail) <= 320;
UPDATE audit_event
SET method_type = 'OFFICE_PHONE',
    method_mode = 'CALL',
    target = SUBSTRING(detail FROM 14 FOR CHAR_LENGTH(detail) - 18),
    detail = NULL
WHERE action = 'DEFAULT_METHOD_CHANGED'
  AND detail LIKE 'OFFICE!_PHONE % CALL' ESCAPE '!'
  AND CHAR_LENGTH(detail) <= 320;
-- A method's new detail and its old one, masked.
UPDATE audit_event
SET method_type = 'PHONE',
    target = SUBSTRING(detail FROM 7 FOR POSITION(' (was ' IN detail) - 7),
    facts = 'was=' || REPLACE(REPLACE(REPLACE(SUBSTRING(detail FROM POSITION(' (was ' IN detail) + 6
        FOR CHAR_LENGTH(detail) - POSITION(' (was ' IN detail) - 6), '%', '%25'), '&', '%26'), '=', '%3D'),
    detail = NULL
WHERE action = 'METHOD_CHANGED'
  AND detail LIKE 'PHONE % (was %)' ESCAPE '!'
  AND CHAR_LENGTH(detail) <= 320;
UPDATE audit_event
SET method_type = 'ALTERNATE_PHONE',
    target = SUBSTRING(detail FROM 17 FOR POSITION(' (was ' IN detail) - 17),
    facts = 'was=' || REPLACE(REPLACE(REPLACE(SUBSTRING(detail FROM POSITION(' (was ' IN detail) + 6
        FOR CHAR_LENGTH(detail) - POSITION(' (was ' IN detail) - 6), '%', '%25'), '&', '%26'), '=', '%3D'),
    detail = NULL
WHERE action = 'METHOD_CHANGED'
  AND detail LIKE 'ALTERNATE!_PHONE % (was %)' ESCAPE '!'
  AND CHAR_LENGTH(detail) <= 320;
UPDATE audit_event
SET method_type = 'OFFICE_PHONE',
    target = SUBSTRING(detail FROM 14 FOR POSITION(' (was ' IN detail) - 14),
    facts = 'was=' || REPLACE(REPLACE(REPLACE(SUBSTRING(detail FROM POSITION(' (was ' IN detail) + 6
        FOR CHAR_LENGTH(detail) - POSITION(' (was ' IN detail) - 6), '%', '%25'), '&', '%26'), '=', '%3D'),
    detail = NULL
WHERE action = 'METHOD_CHANGED'
  AND detail LIKE 'OFFICE!_PHONE % (was %)' ESCAPE '!'
  AND CHAR_LENGTH(detail) <= 320;
UPDATE audit_event
SET method_type = 'EMAIL',
    target = SUBSTRING(detail FROM 7 FOR POSITION(' (was ' IN detail) - 7),
    facts = 'was=' || REPLACE(REPLACE(REPLACE(SUBSTRING(detail FROM POSITION(' (was ' IN detail) + 6
        FOR CHAR_LENGTH(detail) - POSITION(' (was ' IN detail) - 6), '%', '%25'), '&', '%26'), '=', '%3D'),
    detail = NULL
WHERE action = 'METHOD_CHANGED'
  AND detail LIKE 'EMAIL % (was %)' ESCAPE '!'
  AND CHAR_LENGTH(detail) <= 320;
UPDATE audit_event
SET method_type = 'SECURITY_QUESTIONS',
    target = REPLACE(SUBSTRING(detail FROM 20 FOR POSITION(' (was ' IN detail) - 20), ' answers', ''),
    facts = 'was=' || REPLACE(REPLACE(REPLACE(REPLACE(SUBSTRING(detail FROM POSITION(' (was ' IN detail) + 6
        FOR CHAR_LENGTH(detail) - POSITION(' (was ' IN detail) - 6), ' answers', ''), '%', '%25'), '&', '%26'), '=',
        '%3D'),
    detail = NULL
WHERE action = 'METHOD_CHANGED'
  AND detail LIKE 'SECURITY!_QUESTIONS % (was %)' ESCAPE '!'
  AND CHAR_LENGTH(detail) <= 320;
-- Codes: how they came (a text, a call, an email, the app) and where to, masked.
UPDATE audit_event
SET method_mode = 'TEXT',
    target = SUBSTRING(detail FROM 5),
    detail = NULL
WHERE action IN ('CODE_SENT', 'CODE_FAILED', 'CODE_VERIFIED')
  AND detail LIKE 'SMS %' ESCAPE '!'
  AND CHAR_LENGTH(detail) <= 320;
UPDATE audit_event
SET method_mode = 'CALL',
    target = SUBSTRING(detail FROM 7),
    detail = NULL
WHERE action IN ('CODE_SENT', 'CODE_FAILED', 'CODE_VERIFIED')
  AND detail LIKE 'VOICE %' ESCAPE '!'
  AND CHAR_LENGTH(detail) <= 320;
UPDATE audit_event
SET method_mode = 'EMAIL',
    target = SUBSTRING(detail FROM 7),
    detail = NULL
WHERE action IN ('CODE_SENT', 'CODE_FAILED', 'CODE_VERIFIED')
  AND detail LIKE 'EMAIL %' ESCAPE '!'
  AND CHAR_LENGTH(detail) <= 320;
UPDATE audit_event
SET method_mode = 'APP_CODE',
    detail = NULL
WHERE action IN ('CODE_SENT', 'CODE_FAILED', 'CODE_VERIFIED', 'VERIFICATION_LOCKED_OUT',
      'AUTHENTICATOR_APP_SETUP_ENDED', 'AUTHENTICATOR_APP_DISABLED')
  AND detail = 'AUTHENTICATOR_APP';
-- Second factors: the mode and the masked number.
UPDATE audit_event
SET method_mode = 'APP_CODE',
    detail = NULL
WHERE action IN ('TWO_STEP_SUCCEEDED', 'TWO_STEP_FAILED', 'TWO_STEP_LOCKED_OUT')
  AND detail = 'APP_CODE';
UPDATE audit_event
SET method_mode = 'TEXT',
    target = SUBSTRING(detail FROM 6),
    detail = NULL
WHERE action IN ('TWO_STEP_SUCCEEDED', 'TWO_STEP_FAILED', 'TWO_STEP_LOCKED_OUT')
  AND detail LIKE 'TEXT %' ESCAPE '!'
  AND CHAR_LENGTH(detail) <= 320;
UPDATE audit_event
SET method_mode = 'CALL',
    target = SUBSTRING(detail FROM 6),
    detail = NULL
WHERE action IN ('TWO_STEP_SUCCEEDED', 'TWO_STEP_FAILED', 'TWO_STEP_LOCKED_OUT')
  AND detail LIKE 'CALL %' ESCAPE '!'
  AND CHAR_LENGTH(detail) <= 320;
-- Password reset: the method a code or the answers proved, the types proven, the methods required.
UPDATE audit_event
SET method_type = 'PHONE',
    method_mode = 'TEXT',
    detail = NULL
WHERE action IN ('PASSWORD_RESET_METHOD_VERIFIED', 'PASSWORD_RESET_ANSWER_FAILED')
  AND detail = 'TEXT';
UPDATE audit_event
SET method_type = 'PHONE',
    method_mode = 'CALL',
    detail = NULL
WHERE action IN ('PASSWORD_RESET_METHOD_VERIFIED', 'PASSWORD_RESET_ANSWER_FAILED')
  AND detail = 'CALL';
UPDATE audit_event
SET method_type = 'OFFICE_PHONE',
    method_mode = 'CALL',
    detail = NULL
WHERE action IN ('PASSWORD_RESET_METHOD_VERIFIED', 'PASSWORD_RESET_ANSWER_FAILED')
  AND detail = 'OFFICE_CALL';
UPDATE audit_event
SET method_type = 'ALTERNATE_PHONE',
    method_mode = 'CALL',
    detail = NULL
WHERE action IN ('PASSWORD_RESET_METHOD_VERIFIED', 'PASSWORD_RESET_ANSWER_FAILED')
  AND detail = 'ALTERNATE_CALL';
UPDATE audit_event
SET method_type = 'EMAIL',
    detail = NULL
WHERE action IN ('PASSWORD_RESET_METHOD_VERIFIED', 'PASSWORD_RESET_ANSWER_FAILED')
  AND detail = 'EMAIL';
UPDATE audit_event
SET method_type = 'AUTHENTICATOR_APP',
    detail = NULL
WHERE action IN ('PASSWORD_RESET_METHOD_VERIFIED', 'PASSWORD_RESET_ANSWER_FAILED')
  AND detail = 'APP';
UPDATE audit_event
SET method_type = 'SECURITY_QUESTIONS',
    detail = NULL
WHERE action IN ('PASSWORD_RESET_METHOD_VERIFIED', 'PASSWORD_RESET_ANSWER_FAILED')
  AND detail = 'QUESTIONS';
UPDATE audit_event
SET facts = 'proven=' || REPLACE(TRIM(SUBSTRING(detail FROM 10)), ' ', ','),
    detail = NULL
WHERE action = 'PASSWORD_RESET'
  AND detail LIKE 'proven by%' ESCAPE '!';
UPDATE audit_event
SET facts = 'methods-required=' || SUBSTRING(detail FROM 18),
    detail = NULL
WHERE action = 'PASSWORD_RESET_STARTED'
  AND detail LIKE 'methods required %' ESCAPE '!';
-- A group's name, an account's email: the target as it was.
UPDATE audit_event
SET target = detail,
    detail = NULL
WHERE action IN ('GROUP_CREATED', 'GROUP_DELETED', 'GROUP_MEMBER_ADDED', 'GROUP_MEMBER_REMOVED', 'ACCOUNT_DISABLED',
      'ACCOUNT_ENABLED', 'REGISTRATION_REQUIRED', 'SIGN_IN_LOCK_LIFTED')
  AND CHAR_LENGTH(detail) <= 320;
UPDATE audit_event
SET target = SUBSTRING(detail FROM 1 FOR CHAR_LENGTH(detail) - 9),
    facts = 'role=EMPLOYEE',
    detail = NULL
WHERE action = 'ACCOUNT_CREATED'
  AND detail LIKE '% EMPLOYEE' ESCAPE '!'
  AND CHAR_LENGTH(detail) <= 320;
UPDATE audit_event
SET target = SUBSTRING(detail FROM 1 FOR CHAR_LENGTH(detail) - 6),
    facts = 'role=ADMIN',
    detail = NULL
WHERE action = 'ACCOUNT_CREATED'
  AND detail LIKE '% ADMIN' ESCAPE '!'
  AND CHAR_LENGTH(detail) <= 320;
-- Sign out everywhere: the sessions ended.
UPDATE audit_event
SET facts = 'sessions=' || SUBSTRING(detail FROM 1 FOR CHAR_LENGTH(detail) - 15),
    detail = NULL
WHERE action = 'SIGNED_OUT_EVERYWHERE'
  AND detail LIKE '% sessions ended' ESCAPE '!';
-- Sign-in locks: the wrong passwords, the client address, until when (ISO-8601).
UPDATE audit_event
SET facts = 'wrong-passwords=' || SUBSTRING(detail FROM 1
        FOR POSITION(' wrong passwords; locked until ' IN detail) - 1) || '&until='
        || REPLACE(SUBSTRING(detail FROM POSITION(' wrong passwords; locked until ' IN detail) + 31 FOR 19), ' ',
        'T') || 'Z',
    detail = NULL
WHERE action = 'SIGN_IN_LOCKED'
  AND detail LIKE '% wrong passwords; locked until % UTC' ESCAPE '!';
UPDATE audit_event
SET target = SUBSTRING(detail FROM POSITION(' wrong passwords from ' IN detail) + 22
        FOR POSITION('; locked until ' IN detail) - POSITION(' wrong passwords from ' IN detail) - 22),
    facts = 'wrong-passwords=' || SUBSTRING(detail FROM 1 FOR POSITION(' wrong passwords from ' IN detail) - 1)
        || '&until=' || REPLACE(SUBSTRING(detail FROM POSITION('; locked until ' IN detail) + 15 FOR 19), ' ', 'T')
        || 'Z',
    detail = NULL
WHERE action = 'SIGN_IN_ADDRESS_LOCKED'
  AND detail LIKE '% wrong passwords from %; locked until % UTC' ESCAPE '!';
-- Policies: each setting by name.
UPDATE audit_event
SET facts = 'method=AUTHENTICATOR_APP&setting=OFF',
    detail = NULL
WHERE action = 'METHOD_POLICY_CHANGED'
  AND detail = 'AUTHENTICATOR_APP off';
UPDATE audit_event
SET facts = 'method=AUTHENTICATOR_APP&setting=ON_FOR_ALL',
    detail = NULL
WHERE action = 'METHOD_POLICY_CHANGED'
  AND detail = 'AUTHENTICATOR_APP on for all users';
UPDATE audit_event
SET facts = 'method=AUTHENTICATOR_APP&setting=ON_FOR_GROUPS&groups=' || REPLACE(SUBSTRING(detail FROM 34
        FOR CHAR_LENGTH(detail) - 34), ' ', ''),
    detail = NULL
WHERE action = 'METHOD_POLICY_CHANGED'
  AND detail LIKE 'AUTHENTICATOR!_APP on for groups [%]' ESCAPE '!';
UPDATE audit_event
SET facts = 'method=SMS&setting=OFF',
    detail = NULL
WHERE action = 'METHOD_POLICY_CHANGED'
  AND detail = 'SMS off';
UPDATE audit_event
SET facts = 'method=SMS&setting=ON_FOR_ALL',
    detail = NULL
WHERE action = 'METHOD_POLICY_CHANGED'
  AND detail = 'SMS on for all users';
UPDATE audit_event
SET facts = 'method=SMS&setting=ON_FOR_GROUPS&groups=' || REPLACE(SUBSTRING(detail FROM 20
        FOR CHAR_LENGTH(detail) - 20), ' ', ''),
    detail = NULL
WHERE action = 'METHOD_POLICY_CHANGED'
  AND detail LIKE 'SMS on for groups [%]' ESCAPE '!';
UPDATE audit_event
SET facts = 'method=VOICE&setting=OFF',
    detail = NULL
WHERE action = 'METHOD_POLICY_CHANGED'
  AND detail = 'VOICE off';
UPDATE audit_event
SET facts = 'method=VOICE&setting=ON_FOR_ALL',
    detail = NULL
WHERE action = 'METHOD_POLICY_CHANGED'
  AND detail = 'VOICE on for all users';
UPDATE audit_event
SET facts = 'method=VOICE&setting=ON_FOR_GROUPS&groups=' || REPLACE(SUBSTRING(detail FROM 22
        FOR CHAR_LENGTH(detail) - 22), ' ', ''),
    detail = NULL
WHERE action = 'METHOD_POLICY_CHANGED'
  AND detail LIKE 'VOICE on for groups [%]' ESCAPE '!';
UPDATE audit_event
SET facts = 'method=EMAIL&setting=OFF',
    detail = NULL
WHERE action = 'METHOD_POLICY_CHANGED'
  AND detail = 'EMAIL off';
UPDATE audit_event
SET facts = 'method=EMAIL&setting=ON_FOR_ALL',
    detail = NULL
WHERE action = 'METHOD_POLICY_CHANGED'
  AND detail = 'EMAIL on for all users';
UPDATE audit_event
SET facts = 'method=EMAIL&setting=ON_FOR_GROUPS&groups=' || REPLACE(SUBSTRING(detail FROM 22
        FOR CHAR_LENGTH(detail) - 22), ' ', ''),
    detail = NULL
WHERE action = 'METHOD_POLICY_CHANGED'
  AND detail LIKE 'EMAIL on for groups [%]' ESCAPE '!';
UPDATE audit_event
SET facts = 'method=SECURITY_QUESTIONS&setting=OFF',
    detail = NULL
WHERE action = 'METHOD_POLICY_CHANGED'
  AND detail = 'SECURITY_QUESTIONS off';
UPDATE audit_event
SET facts = 'method=SECURITY_QUESTIONS&setting=ON_FOR_ALL',
    detail = NULL
WHERE action = 'METHOD_POLICY_CHANGED'
  AND detail = 'SECURITY_QUESTIONS on for all users';
UPDATE audit_event
SET facts = 'method=SECURITY_QUESTIONS&setting=ON_FOR_GROUPS&groups=' || REPLACE(SUBSTRING(detail FROM 35
        FOR CHAR_LENGTH(detail) - 35), ' ', ''),
    detail = NULL
WHERE action = 'METHOD_POLICY_CHANGED'
  AND detail LIKE 'SECURITY!_QUESTIONS on for groups [%]' ESCAPE '!';
UPDATE audit_event
SET facts = 'setting=NOT_REQUIRED',
    detail = NULL
WHERE action = 'TWO_STEP_POLICY_CHANGED'
  AND detail = 'not required';
UPDATE audit_event
SET facts = 'setting=REQUIRED_FOR_ALL',
    detail = NULL
WHERE action = 'TWO_STEP_POLICY_CHANGED'
  AND detail = 'required for all users';
UPDATE audit_event
SET facts = 'setting=REQUIRED_FOR_GROUPS&groups=' || REPLACE(SUBSTRING(detail FROM 22 FOR CHAR_LENGTH(detail) - 22),
        ' ', ''),
    detail = NULL
WHERE action = 'TWO_STEP_POLICY_CHANGED'
  AND detail LIKE 'required for groups [%]' ESCAPE '!';
UPDATE audit_event
SET facts = 'registration-required=' || SUBSTRING(detail FROM 10 FOR POSITION(', methods for reset ' IN detail) - 10)
        || '&reset-methods=' || SUBSTRING(detail FROM POSITION(', methods for reset ' IN detail) + 20
        FOR POSITION(', reconfirm days ' IN detail) - POSITION(', methods for reset ' IN detail) - 20)
        || '&reconfirm-days=' || SUBSTRING(detail FROM POSITION(', reconfirm days ' IN detail) + 17
        FOR POSITION(', skip days ' IN detail) - POSITION(', reconfirm days ' IN detail) - 17) || '&skip-days='
        || SUBSTRING(detail FROM POSITION(', skip days ' IN detail) + 12
        FOR CHAR_LENGTH(detail) + 1 - POSITION(', skip days ' IN detail) - 12),
    detail = NULL
WHERE action = 'REGISTRATION_POLICY_CHANGED'
  AND detail LIKE 'required %, methods for reset %, reconfirm days %, skip days %' ESCAPE '!';
UPDATE audit_event
SET facts = 'regions=' || CASE WHEN SUBSTRING(detail FROM 9 FOR POSITION(', lifetime ' IN detail) - 9) = 'all'
        THEN '' ELSE REPLACE(REPLACE(REPLACE(SUBSTRING(detail FROM 9 FOR POSITION(', lifetime ' IN detail) - 9), '[',
        ''), ']', ''), ' ', '') END || '&code-lifetime-minutes='
        || SUBSTRING(detail FROM POSITION(', lifetime ' IN detail) + 11
        FOR POSITION(' min, attempts ' IN detail) - POSITION(', lifetime ' IN detail) - 11) || '&wrong-codes='
        || SUBSTRING(detail FROM POSITION(' min, attempts ' IN detail) + 15
        FOR POSITION(', cooldown ' IN detail) - POSITION(' min, attempts ' IN detail) - 15) || '&resend-seconds='
        || SUBSTRING(detail FROM POSITION(', cooldown ' IN detail) + 11
        FOR POSITION(' s, per number/hour ' IN detail) - POSITION(', cooldown ' IN detail) - 11)
        || '&codes-per-number-hour=' || SUBSTRING(detail FROM POSITION(' s, per number/hour ' IN detail) + 20
        FOR POSITION(', per user/day ' IN detail) - POSITION(' s, per number/hour ' IN detail) - 20)
        || '&codes-per-person-day=' || SUBSTRING(detail FROM POSITION(', per user/day ' IN detail) + 15
        FOR CHAR_LENGTH(detail) + 1 - 22 - POSITION(', per user/day ' IN detail) - 15) || '&voip=true',
    detail = NULL
WHERE action = 'PHONE_POLICY_CHANGED'
  AND detail LIKE 'regions %, lifetime % min, attempts %, cooldown % s, per number/hour %, per user/day %' ESCAPE '!'
  AND detail LIKE '%, VoIP numbers allowed' ESCAPE '!';
UPDATE audit_event
SET facts = 'regions=' || CASE WHEN SUBSTRING(detail FROM 9 FOR POSITION(', lifetime ' IN detail) - 9) = 'all'
        THEN '' ELSE REPLACE(REPLACE(REPLACE(SUBSTRING(detail FROM 9 FOR POSITION(', lifetime ' IN detail) - 9), '[',
        ''), ']', ''), ' ', '') END || '&code-lifetime-minutes='
        || SUBSTRING(detail FROM POSITION(', lifetime ' IN detail) + 11
        FOR POSITION(' min, attempts ' IN detail) - POSITION(', lifetime ' IN detail) - 11) || '&wrong-codes='
        || SUBSTRING(detail FROM POSITION(' min, attempts ' IN detail) + 15
        FOR POSITION(', cooldown ' IN detail) - POSITION(' min, attempts ' IN detail) - 15) || '&resend-seconds='
        || SUBSTRING(detail FROM POSITION(', cooldown ' IN detail) + 11
        FOR POSITION(' s, per number/hour ' IN detail) - POSITION(', cooldown ' IN detail) - 11)
        || '&codes-per-number-hour=' || SUBSTRING(detail FROM POSITION(' s, per number/hour ' IN detail) + 20
        FOR POSITION(', per user/day ' IN detail) - POSITION(' s, per number/hour ' IN detail) - 20)
        || '&codes-per-person-day=' || SUBSTRING(detail FROM POSITION(', per user/day ' IN detail) + 15
        FOR CHAR_LENGTH(detail) + 1 - POSITION(', per user/day ' IN detail) - 15) || '&voip=false',
    detail = NULL
WHERE action = 'PHONE_POLICY_CHANGED'
  AND detail LIKE 'regions %, lifetime % min, attempts %, cooldown % s, per number/hour %, per user/day %' ESCAPE '!'
  AND detail NOT LIKE '%, VoIP numbers allowed' ESCAPE '!';
UPDATE audit_event
SET facts = 'questions-required=' || SUBSTRING(detail FROM 20 FOR POSITION(', offered ' IN detail) - 20)
        || '&questions-offered=' || SUBSTRING(detail FROM POSITION(', offered ' IN detail) + 10
        FOR POSITION(' of ' IN detail) - POSITION(', offered ' IN detail) - 10) || '&questions-known='
        || SUBSTRING(detail FROM POSITION(' of ' IN detail) + 4
        FOR CHAR_LENGTH(detail) + 1 - POSITION(' of ' IN detail) - 4),
    detail = NULL
WHERE action = 'QUESTION_POLICY_CHANGED'
  AND detail LIKE 'questions required %, offered % of %' ESCAPE '!';
UPDATE audit_event
SET facts = 'question=' || SUBSTRING(detail FROM 10 FOR POSITION(' added: ' IN detail) - 10) || '&question-text='
        || REPLACE(REPLACE(REPLACE(SUBSTRING(detail FROM POSITION(' added: ' IN detail) + 8), '%', '%25'), '&',
        '%26'), '=', '%3D'),
    detail = NULL
WHERE action = 'QUESTION_POLICY_CHANGED'
  AND detail LIKE 'question % added: %' ESCAPE '!';
-- "This wasn't me": the change the mail told of, and the sessions ended.
UPDATE audit_event
SET facts = 'reported=ALL_METHODS_DELETED&sessions=' || SUBSTRING(detail FROM POSITION('; ' IN detail) + 2
        FOR CHAR_LENGTH(detail) - POSITION('; ' IN detail) - 16),
    detail = NULL
WHERE action = 'NOT_ME_REPORTED'
  AND detail LIKE 'ALL!_METHODS!_DELETED; % sessions ended' ESCAPE '!';
UPDATE audit_event
SET facts = 'reported=PASSWORD_CHANGED&sessions=' || SUBSTRING(detail FROM POSITION('; ' IN detail) + 2
        FOR CHAR_LENGTH(detail) - POSITION('; ' IN detail) - 16),
    detail = NULL
WHERE action = 'NOT_ME_REPORTED'
  AND detail LIKE 'PASSWORD!_CHANGED; % sessions ended' ESCAPE '!';
UPDATE audit_event
SET facts = 'reported=PASSWORD_RESET&sessions=' || SUBSTRING(detail FROM POSITION('; ' IN detail) + 2
        FOR CHAR_LENGTH(detail) - POSITION('; ' IN detail) - 16),
    detail = NULL
WHERE action = 'NOT_ME_REPORTED'
  AND detail LIKE 'PASSWORD!_RESET; % sessions ended' ESCAPE '!';
UPDATE audit_event
SET method_type = 'PHONE',
    target = SUBSTRING(detail FROM 20 FOR POSITION('; ' IN detail) - 20),
    facts = 'reported=METHOD_ADDED&sessions=' || SUBSTRING(detail FROM POSITION('; ' IN detail) + 2
        FOR CHAR_LENGTH(detail) - POSITION('; ' IN detail) - 16),
    detail = NULL
WHERE action = 'NOT_ME_REPORTED'
  AND detail LIKE 'METHOD!_ADDED PHONE %; % sessions ended' ESCAPE '!'
  AND CHAR_LENGTH(detail) <= 320;
UPDATE audit_event
SET method_type = 'ALTERNATE_PHONE',
    target = SUBSTRING(detail FROM 30 FOR POSITION('; ' IN detail) - 30),
    facts = 'reported=METHOD_ADDED&sessions=' || SUBSTRING(detail FROM POSITION('; ' IN detail) + 2
        FOR CHAR_LENGTH(detail) - POSITION('; ' IN detail) - 16),
    detail = NULL
WHERE action = 'NOT_ME_REPORTED'
  AND detail LIKE 'METHOD!_ADDED ALTERNATE!_PHONE %; % sessions ended' ESCAPE '!'
  AND CHAR_LENGTH(detail) <= 320;
UPDATE audit_event
SET method_type = 'OFFICE_PHONE',
    target = SUBSTRING(detail FROM 27 FOR POSITION('; ' IN detail) - 27),
    facts = 'reported=METHOD_ADDED&sessions=' || SUBSTRING(detail FROM POSITION('; ' IN detail) + 2
        FOR CHAR_LENGTH(detail) - POSITION('; ' IN detail) - 16),
    detail = NULL
WHERE action = 'NOT_ME_REPORTED'
  AND detail LIKE 'METHOD!_ADDED OFFICE!_PHONE %; % sessions ended' ESCAPE '!'
  AND CHAR_LENGTH(detail) <= 320;
UPDATE audit_event
SET method_type = 'EMAIL',
    target = SUBSTRING(detail FROM 20 FOR POSITION('; ' IN detail) - 20),
    facts = 'reported=METHOD_ADDED&sessions=' || SUBSTRING(detail FROM POSITION('; ' IN detail) + 2
        FOR CHAR_LENGTH(detail) - POSITION('; ' IN detail) - 16),
    detail = NULL
WHERE action = 'NOT_ME_REPORTED'
  AND detail LIKE 'METHOD!_ADDED EMAIL %; % sessions ended' ESCAPE '!'
  AND CHAR_LENGTH(detail) <= 320;
UPDATE audit_event
SET method_type = 'AUTHENTICATOR_APP',
    facts = 'reported=METHOD_ADDED&sessions=' || SUBSTRING(detail FROM POSITION('; ' IN detail) + 2
        FOR CHAR_LENGTH(detail) - POSITION('; ' IN detail) - 16),
    detail = NULL
WHERE action = 'NOT_ME_REPORTED'
  AND detail LIKE 'METHOD!_ADDED AUTHENTICATOR!_APP %; % sessions ended' ESCAPE '!'
  AND CHAR_LENGTH(detail) <= 320;
UPDATE audit_event
SET method_type = 'SECURITY_QUESTIONS',
    target = REPLACE(SUBSTRING(detail FROM 33 FOR POSITION('; ' IN detail) - 33), ' answers', ''),
    facts = 'reported=METHOD_ADDED&sessions=' || SUBSTRING(detail FROM POSITION('; ' IN detail) + 2
        FOR CHAR_LENGTH(detail) - POSITION('; ' IN detail) - 16),
    detail = NULL
WHERE action = 'NOT_ME_REPORTED'
  AND detail LIKE 'METHOD!_ADDED SECURITY!_QUESTIONS %; % sessions ended' ESCAPE '!'
  AND CHAR_LENGTH(detail) <= 320;
UPDATE audit_event
SET method_type = 'PHONE',
    target = SUBSTRING(detail FROM 22 FOR POSITION('; ' IN detail) - 22),
    facts = 'reported=METHOD_CHANGED&sessions=' || SUBSTRING(detail FROM POSITION('; ' IN detail) + 2
        FOR CHAR_LENGTH(detail) - POSITION('; ' IN detail) - 16),
    detail = NULL
WHERE action = 'NOT_ME_REPORTED'
  AND detail LIKE 'METHOD!_CHANGED PHONE %; % sessions ended' ESCAPE '!'
  AND CHAR_LENGTH(detail) <= 320;
UPDATE audit_event
SET method_type = 'ALTERNATE_PHONE',
    target = SUBSTRING(detail FROM 32 FOR POSITION('; ' IN detail) - 32),
    facts = 'reported=METHOD_CHANGED&sessions=' || SUBSTRING(detail FROM POSITION('; ' IN detail) + 2
        FOR CHAR_LENGTH(detail) - POSITION('; ' IN detail) - 16),
    detail = NULL
WHERE action = 'NOT_ME_REPORTED'
  AND detail LIKE 'METHOD!_CHANGED ALTERNATE!_PHONE %; % sessions ended' ESCAPE '!'
  AND CHAR_LENGTH(detail) <= 320;
UPDATE audit_event
SET method_type = 'OFFICE_PHONE',
    target = SUBSTRING(detail FROM 29 FOR POSITION('; ' IN detail) - 29),
    facts = 'reported=METHOD_CHANGED&sessions=' || SUBSTRING(detail FROM POSITION('; ' IN detail) + 2
        FOR CHAR_LENGTH(detail) - POSITION('; ' IN detail) - 16),
    detail = NULL
WHERE action = 'NOT_ME_REPORTED'
  AND detail LIKE 'METHOD!_CHANGED OFFICE!_PHONE %; % sessions ended' ESCAPE '!'
  AND CHAR_LENGTH(detail) <= 320;
UPDATE audit_event
SET method_type = 'EMAIL',
    target = SUBSTRING(detail FROM 22 FOR POSITION('; ' IN detail) - 22),
    facts = 'reported=METHOD_CHANGED&sessions=' || SUBSTRING(detail FROM POSITION('; ' IN detail) + 2
        FOR CHAR_LENGTH(detail) - POSITION('; ' IN detail) - 16),
    detail = NULL
WHERE action = 'NOT_ME_REPORTED'
  AND detail LIKE 'METHOD!_CHANGED EMAIL %; % sessions ended' ESCAPE '!'
  AND CHAR_LENGTH(detail) <= 320;
UPDATE audit_event
SET method_type = 'AUTHENTICATOR_APP',
    facts = 'reported=METHOD_CHANGED&sessions=' || SUBSTRING(detail FROM POSITION('; ' IN detail) + 2
        FOR CHAR_LENGTH(detail) - POSITION('; ' IN detail) - 16),
    detail = NULL
WHERE action = 'NOT_ME_REPORTED'
  AND detail LIKE 'METHOD!_CHANGED AUTHENTICATOR!_APP %; % sessions ended' ESCAPE '!'
  AND CHAR_LENGTH(detail) <= 320;
UPDATE audit_event
SET method_type = 'SECURITY_QUESTIONS',
    target = REPLACE(SUBSTRING(detail FROM 35 FOR POSITION('; ' IN detail) - 35), ' answers', ''),
    facts = 'reported=METHOD_CHANGED&sessions=' || SUBSTRING(detail FROM POSITION('; ' IN detail) + 2
        FOR CHAR_LENGTH(detail) - POSITION('; ' IN detail) - 16),
    detail = NULL
WHERE action = 'NOT_ME_REPORTED'
  AND detail LIKE 'METHOD!_CHANGED SECURITY!_QUESTIONS %; % sessions ended' ESCAPE '!'
  AND CHAR_LENGTH(detail) <= 320;
UPDATE audit_event
SET method_type = 'PHONE',
    target = SUBSTRING(detail FROM 22 FOR POSITION('; ' IN detail) - 22),
    facts = 'reported=METHOD_DELETED&sessions=' || SUBSTRING(detail FROM POSITION('; ' IN detail) + 2
        FOR CHAR_LENGTH(detail) - POSITION('; ' IN detail) - 16),
    detail = NULL
WHERE action = 'NOT_ME_REPORTED'
  AND detail LIKE 'METHOD!_DELETED PHONE %; % sessions ended' ESCAPE '!'
  AND CHAR_LENGTH(detail) <= 320;
UPDATE audit_event
SET method_type = 'ALTERNATE_PHONE',
    target = SUBSTRING(detail FROM 32 FOR POSITION('; ' IN detail) - 32),
    facts = 'reported=METHOD_DELETED&sessions=' || SUBSTRING(detail FROM POSITION('; ' IN detail) + 2
        FOR CHAR_LENGTH(detail) - POSITION('; ' IN detail) - 16),
    detail = NULL
WHERE action = 'NOT_ME_REPORTED'
  AND detail LIKE 'METHOD!_DELETED ALTERNATE!_PHONE %; % sessions ended' ESCAPE '!'
  AND CHAR_LENGTH(detail) <= 320;
UPDATE audit_event
SET method_type = 'OFFICE_PHONE',
    target = SUBSTRING(detail FROM 29 FOR POSITION('; ' IN detail) - 29),
    facts = 'reported=METHOD_DELETED&sessions=' || SUBSTRING(detail FROM POSITION('; ' IN detail) + 2
        FOR CHAR_LENGTH(detail) - POSITION('; ' IN detail) - 16),
    detail = NULL
WHERE action = 'NOT_ME_REPORTED'
  AND detail LIKE 'METHOD!_DELETED OFFICE!_PHONE %; % sessions ended' ESCAPE '!'
  AND CHAR_LENGTH(detail) <= 320;
UPDATE audit_event
SET method_type = 'EMAIL',
    target = SUBSTRING(detail FROM 22 FOR POSITION('; ' IN detail) - 22),
    facts = 'reported=METHOD_DELETED&sessions=' || SUBSTRING(detail FROM POSITION('; ' IN detail) + 2
        FOR CHAR_LENGTH(detail) - POSITION('; ' IN detail) - 16),
    detail = NULL
WHERE action = 'NOT_ME_REPORTED'
  AND detail LIKE 'METHOD!_DELETED EMAIL %; % sessions ended' ESCAPE '!'
  AND CHAR_LENGTH(detail) <= 320;
UPDATE audit_event
SET method_type = 'AUTHENTICATOR_APP',
    facts = 'reported=METHOD_DELETED&sessions=' || SUBSTRING(detail FROM POSITION('; ' IN detail) + 2
        FOR CHAR_LENGTH(detail) - POSITION('; ' IN detail) - 16),
    detail = NULL
WHERE action = 'NOT_ME_REPORTED'
  AND detail LIKE 'METHOD!_DELETED AUTHENTICATOR!_APP %; % sessions ended' ESCAPE '!'
  AND CHAR_LENGTH(detail) <= 320;
UPDATE audit_event
SET method_type = 'SECURITY_QUESTIONS',
    target = REPLACE(SUBSTRING(detail FROM 35 FOR POSITION('; ' IN detail) - 35), ' answers', ''),
    facts = 'reported=METHOD_DELETED&sessions=' || SUBSTRING(detail FROM POSITION('; ' IN detail) + 2
        FOR CHAR_LENGTH(detail) - POSITION('; ' IN detail) - 16),
    detail = NULL
WHERE action = 'NOT_ME_REPORTED'
  AND detail LIKE 'METHOD!_DELETED SECURITY!_QUESTIONS %; % sessions ended' ESCAPE '!'
  AND CHAR_LENGTH(detail) <= 320;
UPDATE audit_event
SET method_type = 'PHONE',
    target = SUBSTRING(detail FROM 30 FOR POSITION('; ' IN detail) - 30),
    facts = 'reported=DEFAULT_METHOD_CHANGED&sessions=' || SUBSTRING(detail FROM POSITION('; ' IN detail) + 2
        FOR CHAR_LENGTH(detail) - POSITION('; ' IN detail) - 16),
    detail = NULL
WHERE action = 'NOT_ME_REPORTED'
  AND detail LIKE 'DEFAULT!_METHOD!_CHANGED PHONE %; % sessions ended' ESCAPE '!'
  AND CHAR_LENGTH(detail) <= 320;
UPDATE audit_event
SET method_type = 'ALTERNATE_PHONE',
    target = SUBSTRING(detail FROM 40 FOR POSITION('; ' IN detail) - 40),
    facts = 'reported=DEFAULT_METHOD_CHANGED&sessions=' || SUBSTRING(detail FROM POSITION('; ' IN detail) + 2
        FOR CHAR_LENGTH(detail) - POSITION('; ' IN detail) - 16),
    detail = NULL
WHERE action = 'NOT_ME_REPORTED'
  AND detail LIKE 'DEFAULT!_METHOD!_CHANGED ALTERNATE!_PHONE %; % sessions ended' ESCAPE '!'
  AND CHAR_LENGTH(detail) <= 320;
UPDATE audit_event
SET method_type = 'OFFICE_PHONE',
    target = SUBSTRING(detail FROM 37 FOR POSITION('; ' IN detail) - 37),
    facts = 'reported=DEFAULT_METHOD_CHANGED&sessions=' || SUBSTRING(detail FROM POSITION('; ' IN detail) + 2
        FOR CHAR_LENGTH(detail) - POSITION('; ' IN detail) - 16),
    detail = NULL
WHERE action = 'NOT_ME_REPORTED'
  AND detail LIKE 'DEFAULT!_METHOD!_CHANGED OFFICE!_PHONE %; % sessions ended' ESCAPE '!'
  AND CHAR_LENGTH(detail) <= 320;
UPDATE audit_event
SET method_type = 'EMAIL',
    target = SUBSTRING(detail FROM 30 FOR POSITION('; ' IN detail) - 30),
    facts = 'reported=DEFAULT_METHOD_CHANGED&sessions=' || SUBSTRING(detail FROM POSITION('; ' IN detail) + 2
        FOR CHAR_LENGTH(detail) - POSITION('; ' IN detail) - 16),
    detail = NULL
WHERE action = 'NOT_ME_REPORTED'
  AND detail LIKE 'DEFAULT!_METHOD!_CHANGED EMAIL %; % sessions ended' ESCAPE '!'
  AND CHAR_LENGTH(detail) <= 320;
UPDATE audit_event
SET method_type = 'AUTHENTICATOR_APP',
    facts = 'reported=DEFAULT_METHOD_CHANGED&sessions=' || SUBSTRING(detail FROM POSITION('; ' IN detail) + 2
        FOR CHAR_LENGTH(detail) - POSITION('; ' IN detail) - 16),
    detail = NULL
WHERE action = 'NOT_ME_REPORTED'
  AND detail LIKE 'DEFAULT!_METHOD!_CHANGED AUTHENTICATOR!_APP %; % sessions ended' ESCAPE '!'
  AND CHAR_LENGTH(detail) <= 320;
UPDATE audit_event
SET method_type = 'SECURITY_QUESTIONS',
    target = REPLACE(SUBSTRING(detail FROM 43 FOR POSITION('; ' IN detail) - 43), ' answers', ''),
    facts = 'reported=DEFAULT_METHOD_CHANGED&sessions=' || SUBSTRING(detail FROM POSITION('; ' IN detail) + 2
        FOR CHAR_LENGTH(detail) - POSITION('; ' IN detail) - 16),
    detail = NULL
WHERE action = 'NOT_ME_REPORTED'
  AND detail LIKE 'DEFAULT!_METHOD!_CHANGED SECURITY!_QUESTIONS %; % sessions ended' ESCAPE '!'
  AND CHAR_LENGTH(detail) <= 320;
