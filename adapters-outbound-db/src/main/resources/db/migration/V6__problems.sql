-- Problems: feedback grouped by the grouping job after it is stored (not in the transaction that stores it, which a
-- hot problem's row would serialise). A feedback's problem_id is null until then.
CREATE TABLE problem (
    problem_id        text COLLATE "C" PRIMARY KEY,
    app_id            text,
    feedback_type     integer     NOT NULL,
    -- the grouping key's fault kinds, sorted: a set compares equal whatever order the report named them in
    fault_types       integer[]   NOT NULL,
    feedback_path     text,
    first_feedback_id text COLLATE "C" NOT NULL REFERENCES feedback (feedback_id),
    title             text,
    report_count      bigint      NOT NULL DEFAULT 0,
    tenants           integer     NOT NULL DEFAULT 0,
    first_seen        timestamptz NOT NULL,
    last_seen         timestamptz NOT NULL,
    status            text        NOT NULL,
    -- the most urgent of its feedback's, and what the problem has: that one step up while it spikes
    members_priority  text        NOT NULL CHECK (members_priority IN ('P1', 'P2', 'P3', 'P4')),
    priority          text        NOT NULL CHECK (priority IN ('P1', 'P2', 'P3', 'P4')),
    spiking_since     timestamptz,
    spike_reasons     text[]      NOT NULL DEFAULT '{}',
    regression        text,
    reasons           text[]      NOT NULL
);

-- candidates by grouping key, seen most recently first
CREATE INDEX problem_by_key ON problem (app_id, feedback_type, fault_types, feedback_path, last_seen DESC);
CREATE INDEX problem_last_seen ON problem (last_seen DESC, problem_id DESC);
CREATE INDEX problem_by_count ON problem (report_count DESC, last_seen DESC, problem_id DESC);
CREATE INDEX problem_spiking ON problem (problem_id) WHERE spiking_since IS NOT NULL;

ALTER TABLE feedback
    ADD COLUMN problem_id       text COLLATE "C" REFERENCES problem (problem_id),
    ADD COLUMN grouping_reasons text[];

-- the grouping's queue: feedback without a problem, received first first
CREATE INDEX feedback_ungrouped ON feedback (received_at, event_id) WHERE problem_id IS NULL;
-- a problem's feedback newest first, and its reports' times for the spike assessment
CREATE INDEX feedback_by_problem ON feedback (problem_id, received_at DESC, event_id DESC);
CREATE INDEX feedback_by_problem_tenant ON feedback (problem_id, tenant_key);

-- Cards about a problem (a spike, a regression) go through the card outbox too; they name no feedback of their
-- own, and each occasion (a spike's start, the report that reopened it) is announced once.
ALTER TABLE card_outbox ALTER COLUMN feedback_id DROP NOT NULL;
ALTER TABLE card_outbox DROP CONSTRAINT card_outbox_kind_check;
ALTER TABLE card_outbox
    ADD COLUMN problem_id text COLLATE "C",
    ADD COLUMN occasion   text,
    ADD CONSTRAINT card_outbox_kind_check CHECK (kind IN ('post', 'update', 'spike', 'regression')),
    ADD CONSTRAINT card_outbox_names_its_subject CHECK (
        (kind IN ('post', 'update') AND feedback_id IS NOT NULL AND problem_id IS NULL)
        OR (kind IN ('spike', 'regression') AND problem_id IS NOT NULL AND occasion IS NOT NULL));
CREATE UNIQUE INDEX card_outbox_one_per_occasion ON card_outbox (problem_id, kind, occasion)
    WHERE problem_id IS NOT NULL;
