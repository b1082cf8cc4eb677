-- The likely duplicates a problem's page offers are found among the problems of its app and type seen most
-- recently: this index reads those first, however many problems there are.
CREATE INDEX problem_by_app ON problem (app_id, feedback_type, last_seen DESC, problem_id DESC);
