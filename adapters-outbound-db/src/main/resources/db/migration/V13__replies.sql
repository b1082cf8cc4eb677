-- Messages to the person who filed a feedback, from the app's bot: a team member's reply, or the notice that the
-- feedback is resolved. Each is written in the transaction of the feedback's history entry it belongs to (the
-- reply, or the resolution), once per entry, and leased like status_outbox. Delivered and abandoned rows stay as
-- the record of what the reporter was told. The reporter's open_id is read from the feedback when sent.
CREATE TABLE reporter_outbox (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    feedback_id     text COLLATE "C" NOT NULL,
    version         bigint      NOT NULL,
    kind            text        NOT NULL CHECK (kind IN ('reply', 'resolved')),
    text            text        NOT NULL,
    requested_at    timestamptz NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    refusals        integer     NOT NULL DEFAULT 0,
    -- due time, or the end of the lease of the worker that claimed it
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    delivered_at    timestamptz,
    abandoned_at    timestamptz,
    FOREIGN KEY (feedback_id, version) REFERENCES feedback_history (feedback_id, version),
    -- one message per history entry: a resolution tells its reporter once, however often it is retried
    UNIQUE (feedback_id, version)
);

CREATE INDEX reporter_outbox_due ON reporter_outbox (next_attempt_at, id)
    WHERE delivered_at IS NULL AND abandoned_at IS NULL;
CREATE INDEX reporter_outbox_pending_by_feedback ON reporter_outbox (feedback_id, id)
    WHERE delivered_at IS NULL AND abandoned_at IS NULL;

-- the reporter's other feedback, newest first
CREATE INDEX feedback_by_reporter ON feedback (user_open_id, received_at DESC, event_id DESC)
    WHERE user_open_id IS NOT NULL;
