-- Working the inbox: who works on a feedback, a version for optimistic concurrency, every change kept as history,
-- and the outbox of statuses Lark's console has to be told.

ALTER TABLE feedback
    ADD COLUMN assignee text,
    ADD COLUMN version  bigint NOT NULL DEFAULT 1 CHECK (version >= 1);

CREATE INDEX feedback_by_assignee ON feedback (assignee, received_at DESC, event_id DESC);

-- Feedback fetched back from Lark's open API is recorded in the ledger as 'recovered'; like a stored event, its
-- raw JSON is kept in the feedback row.
ALTER TABLE event_ledger DROP CONSTRAINT event_ledger_outcome_check;
ALTER TABLE event_ledger ADD CONSTRAINT event_ledger_outcome_check
    CHECK (outcome IN ('stored', 'ignored', 'malformed', 'recovered'));
ALTER TABLE event_ledger DROP CONSTRAINT unhandled_event_is_kept_raw;
ALTER TABLE event_ledger ADD CONSTRAINT unhandled_event_is_kept_raw
    CHECK (outcome IN ('stored', 'recovered') OR (problem IS NOT NULL AND raw_event IS NOT NULL));

CREATE TABLE feedback_history (
    feedback_id     text COLLATE "C" NOT NULL REFERENCES feedback (feedback_id),
    -- the version of the feedback the change made: one change per version
    version         bigint      NOT NULL CHECK (version >= 2),
    changed_at      timestamptz NOT NULL,
    actor_name      text        NOT NULL,
    actor_kind      text        NOT NULL CHECK (actor_kind IN ('user', 'lark')),
    from_status     text        NOT NULL,
    to_status       text        NOT NULL,
    assignee_before text,
    assignee_after  text,
    note            text,
    -- the Lark event that made the change, for a status set in Lark's console
    event_id        text COLLATE "C" REFERENCES event_ledger (event_id),
    PRIMARY KEY (feedback_id, version)
);

-- One row per status to set in Lark, written in the transaction of its change. Delivered and abandoned rows stay
-- as the record of what Lark was told.
CREATE TABLE status_outbox (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    feedback_id     text COLLATE "C" NOT NULL REFERENCES feedback (feedback_id),
    app_id          text,
    lark_status     integer     NOT NULL CHECK (lark_status BETWEEN 0 AND 3),
    requested_at    timestamptz NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    refusals        integer     NOT NULL DEFAULT 0,
    -- due time, or the end of the lease of the worker that claimed it
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    delivered_at    timestamptz,
    abandoned_at    timestamptz
);

CREATE INDEX status_outbox_due ON status_outbox (next_attempt_at, id)
    WHERE delivered_at IS NULL AND abandoned_at IS NULL;
CREATE INDEX status_outbox_pending_by_feedback ON status_outbox (feedback_id, id)
    WHERE delivered_at IS NULL AND abandoned_at IS NULL;
CREATE INDEX status_outbox_delivered_by_feedback ON status_outbox (feedback_id, delivered_at)
    WHERE delivered_at IS NOT NULL;
