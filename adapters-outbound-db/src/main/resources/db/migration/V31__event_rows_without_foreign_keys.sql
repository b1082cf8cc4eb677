-- The rows an event stores are not checked by foreign keys any more: each check ran once per row stored (a query
-- and a share lock of the referenced row: 388 ms beside the 6,608 ms of the batches' statements in a profiled run
-- of the webhook at 16 connections, pg_stat_statements), and what they checked holds anyway. EventBatch inserts a
-- feedback, revocation or version event only for the event ids its ledger insert returned, in the same statement,
-- and an image only for a feedback that statement stored; the one delete of ledger entries
-- (EventBatch.feedbackStoredBefore) takes back entries whose feedback was not stored, and no feedback is deleted.
ALTER TABLE feedback DROP CONSTRAINT feedback_event_id_fkey;
ALTER TABLE revocation DROP CONSTRAINT revocation_event_id_fkey;
ALTER TABLE version_event DROP CONSTRAINT version_event_event_id_fkey;
ALTER TABLE feedback_image DROP CONSTRAINT feedback_image_feedback_id_fkey;
