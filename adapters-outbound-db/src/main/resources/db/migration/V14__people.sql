-- The people the inbox knows: those who signed in with Lark, keyed by open_id (never by email or phone), and the
-- holder of inbox.api-token as 'api-token'. The history names people by open_id; pages read their names here.
CREATE TABLE person (
    open_id    text COLLATE "C" PRIMARY KEY,
    name       text        NOT NULL,
    avatar_url text,
    role       text        NOT NULL CHECK (role IN ('viewer', 'member', 'admin')),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX person_by_name ON person (name, open_id);
