-- A triage's reasons as the domain gives them: each the key of its text and its arguments (PostgresReasons encodes
-- them), so that a page shows them in the reader's language. The English text stays in reasons, for the API and
-- the export. Feedback stored before has none (NULL): its reasons are shown as their text.
ALTER TABLE feedback ADD COLUMN reason_keys text[];
