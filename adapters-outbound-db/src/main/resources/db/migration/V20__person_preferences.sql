-- How each person wants the web inbox shown: its language and the zone of their clock, either unset (null) until
-- they choose. Keyed by the id their session is signed in as.
CREATE TABLE person_preferences (
    person_id  text COLLATE "C" PRIMARY KEY,
    language   text CHECK (language IN ('zh-CN', 'en')),
    zone       text,
    updated_at timestamptz NOT NULL
);
