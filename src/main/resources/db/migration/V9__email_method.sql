-- Codes also go to email addresses, which are longer than phone numbers: up to 320 characters, as account.email.
ALTER TABLE verification_challenge ALTER COLUMN destination SET DATA TYPE VARCHAR(320);
ALTER TABLE verification_code ALTER COLUMN destination SET DATA TYPE VARCHAR(320);
