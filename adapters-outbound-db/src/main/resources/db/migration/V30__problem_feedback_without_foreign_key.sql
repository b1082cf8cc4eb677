-- A feedback's problem is not checked by a foreign key any more: its check ran once per feedback a round groups (a
-- query and a lock of the problem's row each, about a tenth of the round's write), and the problem is there anyway:
-- a round names only problems it found or started under the grouping lock, and a merge, which deletes a problem,
-- moves its feedback first under that lock too (PostgresProblems.merge).
ALTER TABLE problem_feedback DROP CONSTRAINT problem_feedback_problem_id_fkey;
