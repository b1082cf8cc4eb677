-- The description index's grams are computed by the service when it stores a feedback (DescriptionGrams) and kept
-- in a column, instead of by inbox_text_grams() in SQL at every insert: about a millisecond per kilobyte of
-- description, in the commit that stores it. A gram is an integer now (a character's code point; a pair of
-- characters a negative number made of both): no collation to compare by, an index about the size of the texts'.
-- A search still finds a text among the rows holding all of its grams and keeps those that contain it (strpos).
ALTER TABLE feedback ADD COLUMN description_grams integer[];

-- DescriptionGrams.of, for the descriptions stored before; lower-cased as ICU does when the server has it, as the
-- service does (one character at a time), else as the database's lower().
CREATE FUNCTION inbox_gram_codes(t text) RETURNS integer[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
SELECT coalesce(array_agg(DISTINCT g ORDER BY g), '{}')
FROM (SELECT ascii(c) AS code, lead(ascii(c)) OVER (ORDER BY i) AS next
      FROM unnest(string_to_array(t, NULL)) WITH ORDINALITY AS chars (c, i)) pairs,
     LATERAL (VALUES (code), (CAST(-1 - (CAST(code AS bigint) * 1114112 + next) % 2147483647 AS integer)))
         AS grams (g)
WHERE g IS NOT NULL
$$;
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_collation WHERE collname = 'und-x-icu') THEN
        UPDATE feedback SET description_grams = inbox_gram_codes(lower(description COLLATE "und-x-icu"))
        WHERE description IS NOT NULL;
    ELSE
        UPDATE feedback SET description_grams = inbox_gram_codes(lower(description)) WHERE description IS NOT NULL;
    END IF;
END
$$;

DROP STATISTICS IF EXISTS feedback_description_grams_stats;
DROP INDEX feedback_description_grams;
DROP FUNCTION inbox_text_grams(text);
DROP FUNCTION inbox_search_grams(text);
-- Storing appends to the pending list; each grouping round merges it in (GroupingRepository.indexDescriptions).
CREATE INDEX feedback_description_grams ON feedback USING gin (description_grams) WITH (fastupdate = on);
