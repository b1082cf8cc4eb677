-- A description is indexed once its feedback is grouped, not when it is stored: the index cost each feedback's
-- commit about 0.3 ms of the database's time, the most of any index, and the grouping rewrites the row anyway
-- (it sets problem_id, which other indexes hold), so the description was indexed twice. A search reads the few
-- feedback not grouped yet (feedback_ungrouped finds them) without this index.
DROP INDEX feedback_description_grams;
CREATE INDEX feedback_description_grams ON feedback USING gin (inbox_text_grams(description))
    WHERE problem_id IS NOT NULL;
-- The planner's statistics of the grams, which a partial index does not give it: without them it took every
-- text for a rare one, and a search for a common one (a quarter of 100,000 rows) read them all through the index
-- and sorted them (220 ms) instead of reading the newest until a page was full (0.7 ms).
CREATE STATISTICS feedback_description_grams_stats ON (inbox_text_grams(description)) FROM feedback;
