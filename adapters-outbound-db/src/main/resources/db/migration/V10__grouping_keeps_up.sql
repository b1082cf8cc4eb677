-- Grouping that keeps up: what a round reads no longer grows with a problem's size or the number of problems.

-- A problem's reports counted per second, as the grouping assigns them: a spike assessment reads a hot problem's
-- busy seconds, not each of its reports.
CREATE TABLE problem_reports (
    problem_id text COLLATE "C" NOT NULL REFERENCES problem (problem_id) ON DELETE CASCADE,
    at_second  timestamptz NOT NULL,
    reports    integer     NOT NULL CHECK (reports > 0),
    PRIMARY KEY (problem_id, at_second)
);
INSERT INTO problem_reports (problem_id, at_second, reports)
SELECT problem_id, date_trunc('second', received_at), count(*) FROM feedback WHERE problem_id IS NOT NULL
GROUP BY 1, 2;

-- The grouping key as one value (a missing app or path is NULL, never an app or path spelled so), so that one
-- index gives each key's problems seen most recently first: a round reads at most a few of each, however many
-- problems the key has.
CREATE FUNCTION problem_key(app_id text, feedback_type integer, fault_types integer[], feedback_path text)
    RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT quote_nullable(app_id) || ' ' || feedback_type || ' ' || CAST(fault_types AS text) || ' '
        || quote_nullable(feedback_path)
$$;
ALTER TABLE problem ADD COLUMN grouping_key text COLLATE "C"
    GENERATED ALWAYS AS (problem_key(app_id, feedback_type, fault_types, feedback_path)) STORED;
DROP INDEX problem_by_key;
CREATE INDEX problem_by_key ON problem (grouping_key, last_seen DESC, problem_id DESC);

-- When its spike was assessed last: each round assesses a few spiking problems besides those it touched, those
-- assessed longest ago, so that a spike ends without a round reading every spiking problem.
ALTER TABLE problem ADD COLUMN assessed_at timestamptz;
DROP INDEX problem_spiking;
CREATE INDEX problem_spiking ON problem (assessed_at NULLS FIRST, problem_id) WHERE spiking_since IS NOT NULL;
