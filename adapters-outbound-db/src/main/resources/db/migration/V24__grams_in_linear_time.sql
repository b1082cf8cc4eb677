-- The description index's grams, the same as V4 computes them, in time linear in the text (each character once,
-- with the next one beside it). V4's function took
-- substr(lower(t), i, ...) at each position: lower() again for every character, and substr walking the UTF-8 text
-- from its start, so a description of n characters cost n^2. While only grouped feedback was indexed that stayed
-- off the commit; since V21 every stored description is indexed, and 100,000 descriptions of a kilobyte took over
-- ten minutes to insert. Same results, so the index built with the old function stays valid.
CREATE OR REPLACE FUNCTION inbox_text_grams(t text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
SELECT coalesce(array_agg(DISTINCT g), '{}')
FROM (SELECT c, lead(c) OVER (ORDER BY i) AS next
      FROM unnest(string_to_array(lower(t), NULL)) WITH ORDINALITY AS chars (c, i)) pairs,
     LATERAL (VALUES (c), (c || next)) AS grams (g)
WHERE g IS NOT NULL
$$;
