-- A person may set a feedback's priority over the triage's: each history entry keeps the priority before and
-- after it. Entries written before could not change it: both are the feedback's priority.
ALTER TABLE feedback_history
    ADD COLUMN priority_before text CHECK (priority_before IN ('P1', 'P2', 'P3', 'P4')),
    ADD COLUMN priority_after  text CHECK (priority_after IN ('P1', 'P2', 'P3', 'P4'));
UPDATE feedback_history h SET priority_before = f.priority, priority_after = f.priority
FROM feedback f WHERE f.feedback_id = h.feedback_id;
ALTER TABLE feedback_history
    ALTER COLUMN priority_before SET NOT NULL,
    ALTER COLUMN priority_after SET NOT NULL;

-- Search over descriptions, Chinese included. pg_trgm would be the usual tool, but it takes only letters and
-- digits of the database's locale into its trigrams, and with the C locale (the embedded server's) Chinese
-- characters are neither: a Chinese search would scan every row. Instead every description is indexed by the
-- characters and pairs of characters it contains, lower-cased: a text of two or more characters is found among
-- the rows holding all of its pairs, a single character among the rows holding it, and strpos() then keeps the
-- rows that really contain it. Independent of locale and script, and no extension to install.
CREATE FUNCTION inbox_text_grams(t text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
SELECT coalesce(array_agg(DISTINCT g), '{}')
FROM (SELECT substr(lower(t), i, 1) AS g FROM generate_series(1, length(t)) i
      UNION ALL
      SELECT substr(lower(t), i, 2) FROM generate_series(1, length(t) - 1) i) grams
$$;

-- the grams a description must hold to contain the text
CREATE FUNCTION inbox_search_grams(q text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
SELECT CASE WHEN length(q) = 1 THEN ARRAY[lower(q)]
            ELSE (SELECT array_agg(DISTINCT substr(lower(q), i, 2)) FROM generate_series(1, length(q) - 1) i) END
$$;

CREATE INDEX feedback_description_grams ON feedback USING gin (inbox_text_grams(description));
