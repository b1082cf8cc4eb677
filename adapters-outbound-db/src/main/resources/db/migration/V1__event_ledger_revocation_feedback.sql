-- Raw events are TEXT, not jsonb: jsonb refuses some valid JSON (a \u0000 escape), and a verified event must
-- never become unstorable. Ids are compared bytewise (COLLATE "C") so that keyset paging does not depend on
-- the server's locale.

CREATE TABLE event_ledger (
    event_id    text COLLATE "C" PRIMARY KEY,
    event_type  text        NOT NULL,
    app_id      text,
    tenant_key  text,
    transport   text        NOT NULL,
    created_at  timestamptz,
    received_at timestamptz NOT NULL,
    outcome     text        NOT NULL CHECK (outcome IN ('stored', 'ignored', 'malformed')),
    -- for unhandled events only: a stored event keeps its raw JSON in its own row
    problem     text,
    raw_event   text,
    CONSTRAINT unhandled_event_is_kept_raw CHECK (outcome = 'stored' OR (problem IS NOT NULL AND raw_event IS NOT NULL))
);

CREATE TABLE revocation (
    event_id          text COLLATE "C" PRIMARY KEY REFERENCES event_ledger (event_id),
    app_id            text        NOT NULL,
    version_id        text        NOT NULL,
    operator_open_id  text,
    operator_union_id text,
    operator_user_id  text,
    creator_open_id   text,
    creator_union_id  text,
    creator_user_id   text,
    tenant_key        text,
    revoked_at        timestamptz NOT NULL,
    received_at       timestamptz NOT NULL,
    raw_event         text        NOT NULL
);

CREATE INDEX revocation_newest_first ON revocation (received_at DESC, event_id DESC);
CREATE INDEX revocation_by_app ON revocation (app_id, received_at DESC, event_id DESC);
CREATE INDEX revocation_by_version ON revocation (version_id, received_at DESC, event_id DESC);

-- Lark's numbers are kept raw (feedback_type, fault_types, source): a number added later is not lost.
CREATE TABLE feedback (
    feedback_id   text COLLATE "C" PRIMARY KEY,
    event_id      text COLLATE "C" NOT NULL UNIQUE REFERENCES event_ledger (event_id),
    app_id        text,
    tenant_key    text,
    tenant_name   text,
    user_open_id  text,
    user_union_id text,
    user_user_id  text,
    feedback_type integer     NOT NULL,
    fault_types   integer[]   NOT NULL,
    source        integer,
    -- Lark's local time without a zone, as sent
    feedback_time timestamp,
    fault_time    timestamp,
    description   text,
    contact       text,
    images        text[]      NOT NULL,
    feedback_path text,
    priority      text        NOT NULL CHECK (priority IN ('P1', 'P2', 'P3', 'P4')),
    category      text        NOT NULL,
    reasons       text[]      NOT NULL,
    status        text        NOT NULL,
    received_at   timestamptz NOT NULL,
    raw_event     text        NOT NULL
);

CREATE INDEX feedback_newest_first ON feedback (received_at DESC, event_id DESC);
CREATE INDEX feedback_by_app ON feedback (app_id, received_at DESC, event_id DESC);
CREATE INDEX feedback_by_status ON feedback (status, received_at DESC, event_id DESC);
CREATE INDEX feedback_by_priority ON feedback (priority, received_at DESC, event_id DESC);
CREATE INDEX feedback_by_type ON feedback (feedback_type, received_at DESC, event_id DESC);
