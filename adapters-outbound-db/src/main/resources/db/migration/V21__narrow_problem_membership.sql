-- Grouping that keeps up: a round no longer rewrites the feedback it groups. Setting feedback.problem_id was not a
-- HOT update (the column is indexed), so each grouped report wrote a new version of a wide row into every one of the
-- table's twelve indexes, the description's grams among them: most of a round's time. A feedback's problem is kept
-- in a narrow table of its own instead, and what waits for grouping in a queue as narrow.

-- What waits for grouping, in the order it is grouped: written beside each feedback stored, taken by the round that
-- groups it.
CREATE TABLE grouping_queue (
    received_at timestamptz      NOT NULL,
    event_id    text COLLATE "C" NOT NULL,
    feedback_id text COLLATE "C" NOT NULL,
    PRIMARY KEY (received_at, event_id)
);
INSERT INTO grouping_queue (received_at, event_id, feedback_id)
SELECT received_at, event_id, feedback_id FROM feedback WHERE problem_id IS NULL;

-- A feedback's problem, and the reasons it joined it; the received time and event id order a problem's feedback
-- newest first without reading the feedback rows. No foreign key to feedback (rows come from the queue, and no
-- feedback is deleted): its check would lock each feedback row, writing to the wide table again.
CREATE TABLE problem_feedback (
    feedback_id      text COLLATE "C" PRIMARY KEY,
    problem_id       text COLLATE "C" NOT NULL REFERENCES problem (problem_id),
    received_at      timestamptz      NOT NULL,
    event_id         text COLLATE "C" NOT NULL,
    grouping_reasons text[]           NOT NULL
);
INSERT INTO problem_feedback (feedback_id, problem_id, received_at, event_id, grouping_reasons)
SELECT feedback_id, problem_id, received_at, event_id, coalesce(grouping_reasons, '{}') FROM feedback
WHERE problem_id IS NOT NULL;
CREATE INDEX problem_feedback_newest ON problem_feedback (problem_id, received_at DESC, event_id DESC);

-- The tenants a problem's feedback came from, each once: a round counts a tenant as new when it adds it here, an
-- index entry per tenant and problem instead of one per feedback.
CREATE TABLE problem_tenant (
    problem_id text COLLATE "C" NOT NULL REFERENCES problem (problem_id) ON DELETE CASCADE,
    tenant_key text             NOT NULL,
    PRIMARY KEY (problem_id, tenant_key)
);
INSERT INTO problem_tenant (problem_id, tenant_key)
SELECT DISTINCT problem_id, tenant_key FROM feedback WHERE problem_id IS NOT NULL AND tenant_key IS NOT NULL;

-- The description's grams, whose partial index named the column that goes (dropping the column drops it and the
-- grouping's indexes on feedback), are indexed for every feedback again, and still by the grouping rather than by
-- the commit that stores it: storing a feedback appends its grams to the index's pending list (cheap; a search reads
-- that list too), and each grouping round merges the list into the index (GroupingRepository.indexDescriptions),
-- as V8 meant. Inserting into the index itself cost each commit more than any other index.
ALTER TABLE feedback DROP COLUMN problem_id, DROP COLUMN grouping_reasons;
CREATE INDEX feedback_description_grams ON feedback USING gin (inbox_text_grams(description))
    WITH (fastupdate = on);
