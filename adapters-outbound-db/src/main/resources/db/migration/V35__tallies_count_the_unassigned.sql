-- The tallies (V19) count whether a feedback has an assignee too, so that the view every person has, "Unassigned
-- P1/P2" (open, nobody's, P1 or P2), is counted from them: the inbox page counted it from the feedback at each
-- render, reading nearly every row (441 ms of the page's 441 ms p95 at 1,000,000 feedback, bench/README.md).
-- Storing a feedback appends the same rows as before (a new feedback has no assignee); an assignment or its removal
-- moves a count as a status change does.
ALTER TABLE feedback_tally ADD COLUMN assigned boolean NOT NULL DEFAULT false;
ALTER TABLE feedback_tally_change ADD COLUMN assigned boolean NOT NULL DEFAULT false;
ALTER TABLE feedback_tally DROP CONSTRAINT feedback_tally_pkey;
ALTER TABLE feedback_tally ADD PRIMARY KEY (day, app_id, category, priority, status, assigned);

CREATE OR REPLACE FUNCTION inbox_tally_fold() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF NOT pg_try_advisory_xact_lock(hashtext('inbox_tally_fold')) THEN
        RETURN;
    END IF;
    WITH folded AS (DELETE FROM feedback_tally_change RETURNING *)
    INSERT INTO feedback_tally AS t (day, app_id, category, priority, status, assigned, n)
    SELECT day, app_id, category, priority, status, assigned, sum(n) FROM folded GROUP BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (day, app_id, category, priority, status, assigned) DO UPDATE SET n = t.n + excluded.n;
    WITH folded AS (DELETE FROM fault_kind_tally_change RETURNING *)
    INSERT INTO fault_kind_tally AS t (day, app_id, kind, n)
    SELECT day, app_id, kind, sum(n) FROM folded GROUP BY 1, 2, 3
    ON CONFLICT (day, app_id, kind) DO UPDATE SET n = t.n + excluded.n;
END
$$;

CREATE OR REPLACE FUNCTION inbox_tally_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO feedback_tally_change (day, app_id, category, priority, status, assigned, n)
    SELECT inbox_tally_day(received_at), coalesce(app_id, ''), category, priority, status, assignee IS NOT NULL,
           count(*)
    FROM inserted GROUP BY 1, 2, 3, 4, 5, 6;
    INSERT INTO fault_kind_tally_change (day, app_id, kind, n)
    SELECT inbox_tally_day(received_at), coalesce(app_id, ''), kind, count(*)
    FROM inserted, unnest(fault_types) AS kind GROUP BY 1, 2, 3;
    IF txid_current() % 32 = 0 THEN
        PERFORM inbox_tally_fold();
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION inbox_tally_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO feedback_tally_change (day, app_id, category, priority, status, assigned, n)
    VALUES (inbox_tally_day(OLD.received_at), coalesce(OLD.app_id, ''), OLD.category, OLD.priority, OLD.status,
            OLD.assignee IS NOT NULL, -1),
           (inbox_tally_day(NEW.received_at), coalesce(NEW.app_id, ''), NEW.category, NEW.priority, NEW.status,
            NEW.assignee IS NOT NULL, 1);
    RETURN NULL;
END
$$;
DROP TRIGGER feedback_tally_moved ON feedback;
CREATE TRIGGER feedback_tally_moved AFTER UPDATE ON feedback FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.priority IS DISTINCT FROM NEW.priority
        OR OLD.category IS DISTINCT FROM NEW.category OR OLD.app_id IS DISTINCT FROM NEW.app_id
        OR OLD.received_at IS DISTINCT FROM NEW.received_at
        OR (OLD.assignee IS NULL) IS DISTINCT FROM (NEW.assignee IS NULL))
    EXECUTE FUNCTION inbox_tally_moved();

-- counted again from the feedback, with who has an assignee (in this migration's transaction: no write between)
DELETE FROM feedback_tally;
DELETE FROM feedback_tally_change;
INSERT INTO feedback_tally (day, app_id, category, priority, status, assigned, n)
SELECT inbox_tally_day(received_at), coalesce(app_id, ''), category, priority, status, assignee IS NOT NULL, count(*)
FROM feedback GROUP BY 1, 2, 3, 4, 5, 6;
