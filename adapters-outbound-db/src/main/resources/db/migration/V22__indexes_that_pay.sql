-- The inbox filtered by assignee: most feedback has none, and nothing looks for "no assignee" through the index,
-- so only the assigned are indexed; storing a feedback (never assigned yet) writes nothing into it (it cost each
-- stored feedback about 100 bytes). bench/README.md, "Storage", says what else was weighed.
DROP INDEX feedback_by_assignee;
CREATE INDEX feedback_by_assignee ON feedback (assignee, received_at DESC, event_id DESC) WHERE assignee IS NOT NULL;
