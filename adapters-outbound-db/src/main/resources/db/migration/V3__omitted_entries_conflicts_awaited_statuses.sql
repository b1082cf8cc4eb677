-- A feedback keeps the first fault kinds and images up to a cap (see Feedback.MAX_FAULT_KINDS); how many were left
-- out is counted in the row, so that the inbox can say so. The raw event keeps them all.
ALTER TABLE feedback
    ADD COLUMN omitted_fault_types integer NOT NULL DEFAULT 0 CHECK (omitted_fault_types >= 0),
    ADD COLUMN omitted_images      integer NOT NULL DEFAULT 0 CHECK (omitted_images >= 0);

-- An event that came under an event id the ledger holds for a different event (a reused id): kept raw beside the
-- first one, each distinct body once. No foreign key: the ledger entry it collides with is the first event's.
CREATE TABLE event_conflict (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id    text COLLATE "C" NOT NULL,
    transport   text        NOT NULL,
    received_at timestamptz NOT NULL,
    raw_event   text        NOT NULL
);

CREATE UNIQUE INDEX event_conflict_body_once ON event_conflict (event_id, md5(raw_event));

-- A status set in Lark's console for feedback not in the inbox yet, applied when the feedback arrives. Written in
-- the transaction of the status event's ledger entry.
CREATE TABLE awaited_lark_status (
    feedback_id text COLLATE "C" NOT NULL,
    event_id    text COLLATE "C" NOT NULL REFERENCES event_ledger (event_id),
    lark_status integer     NOT NULL CHECK (lark_status BETWEEN 0 AND 3),
    received_at timestamptz NOT NULL,
    PRIMARY KEY (feedback_id, event_id)
);
