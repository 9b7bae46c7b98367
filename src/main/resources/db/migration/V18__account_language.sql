-- The language a person chose for pages, texts, calls and mails (a BCP 47 tag such as 'en' or 'nl'); null while
-- they have not chosen one, and then the browser's language is used.
ALTER TABLE account ADD COLUMN language VARCHAR(8);
