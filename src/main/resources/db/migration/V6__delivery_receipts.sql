-- What the SMS provider reported about each text: its id for the text, how far the text got, and why it did not
-- arrive. Delivery reports find their text by the provider's id, hence the index.
ALTER TABLE verification_code ADD COLUMN provider_message_id VARCHAR(64);
ALTER TABLE verification_code ADD COLUMN delivery_status VARCHAR(20);
ALTER TABLE verification_code ADD COLUMN delivery_error_code VARCHAR(10);
ALTER TABLE verification_code ADD COLUMN delivery_updated_at TIMESTAMP(6) WITH TIME ZONE;
CREATE INDEX ix_code_provider_message ON verification_code (provider_message_id);
