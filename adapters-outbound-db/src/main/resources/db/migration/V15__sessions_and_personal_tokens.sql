-- Web sessions, shared by every instance and kept across restarts. The cookie carries a random secret; only its
-- SHA-256 is kept, so whoever reads this table cannot sign in with what they read. last_seen_at is written at most
-- once a minute per session; expired sessions are deleted when met and by a periodic sweep.
CREATE TABLE web_session (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    secret_hash  text COLLATE "C" NOT NULL UNIQUE,
    open_id      text COLLATE "C" NOT NULL REFERENCES person (open_id) ON DELETE CASCADE,
    started_at   timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL,
    browser      text
);

CREATE INDEX web_session_by_person ON web_session (open_id, last_seen_at DESC);
CREATE INDEX web_session_by_last_seen ON web_session (last_seen_at);
CREATE INDEX web_session_by_start ON web_session (started_at);

-- People's own API tokens: each acts with its owner's role. Only the SHA-256 of the token is kept; a revoked
-- token's row is deleted, so it is refused by every instance at its next request.
CREATE TABLE personal_token (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    secret_hash  text COLLATE "C" NOT NULL UNIQUE,
    open_id      text COLLATE "C" NOT NULL REFERENCES person (open_id) ON DELETE CASCADE,
    name         text        NOT NULL,
    created_at   timestamptz NOT NULL,
    last_used_at timestamptz,
    expires_at   timestamptz
);

CREATE INDEX personal_token_by_person ON personal_token (open_id, created_at DESC);
