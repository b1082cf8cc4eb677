-- Indexes that did not pay for what each stored feedback writes into them (bench/README.md, "Storage").

-- The inbox filtered by feedback type: there are two types and the rarer, suggestions, is about a tenth of the
-- feedback, so reading the newest first (feedback_newest_first, or feedback_by_priority sorted by priority) finds
-- a page of them after about ten pages' rows, as fast as this index did, which cost each feedback ~100 bytes.
DROP INDEX feedback_by_type;

-- The inbox filtered by assignee: most feedback has none, and nothing looks for "no assignee" through the index,
-- so only the assigned are indexed; storing a feedback (never assigned yet) writes nothing into it.
DROP INDEX feedback_by_assignee;
CREATE INDEX feedback_by_assignee ON feedback (assignee, received_at DESC, event_id DESC) WHERE assignee IS NOT NULL;
