-- Raised by every save of the two-step policy: sessions remember the version they were decided under, and decide
-- again at their next request when it changed (twostep/PolicyRecheckFilter).
ALTER TABLE two_step_policy ADD COLUMN version BIGINT DEFAULT 0 NOT NULL;
