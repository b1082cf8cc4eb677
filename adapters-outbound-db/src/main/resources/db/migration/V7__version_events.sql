-- Versions' publish applications (publish_apply_v6) and reviews (audit_v6), one row per event, beside the
-- revocations, which stay in their own table and are read as a version's `revoked` events.
CREATE TABLE version_event (
    event_id              text COLLATE "C" PRIMARY KEY REFERENCES event_ledger (event_id),
    app_id                text        NOT NULL,
    version_id            text        NOT NULL,
    kind                  text        NOT NULL CHECK (kind IN ('applied', 'approved', 'rejected')),
    -- of an application: the version applied for, its name and Lark's review status (raw, as sent)
    version               text,
    version_status        integer,
    -- of an application: the version online then, if any
    online_version_id     text,
    online_version        text,
    online_version_status integer,
    -- of a review
    remark                text,
    audit_source          text,
    operator_open_id      text,
    operator_union_id     text,
    operator_user_id      text,
    creator_open_id       text,
    creator_union_id      text,
    creator_user_id       text,
    tenant_key            text,
    -- when Lark created the event: the order of a version's events
    happened_at           timestamptz NOT NULL,
    received_at           timestamptz NOT NULL,
    raw_event             text        NOT NULL,
    CHECK (kind = 'applied' OR (version IS NULL AND online_version_id IS NULL))
);

CREATE INDEX version_event_by_app ON version_event (app_id, version_id, happened_at);
-- the dashboard's versions of the last days, of every app
CREATE INDEX version_event_by_time ON version_event (happened_at);
