-- Whether internet (VoIP) numbers may receive codes; off, as before, until an administrator switches it on.
ALTER TABLE phone_policy ADD COLUMN allow_voip BOOLEAN DEFAULT FALSE NOT NULL;
