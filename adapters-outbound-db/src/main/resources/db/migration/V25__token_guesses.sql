-- Wrong tokens (at the token sign-in form, on the API) counted where every instance sees them, so that two
-- instances do not double what a guesser may try: one row per address (by a hash of it: the address itself is
-- nobody's business here) and one for every address together. A row a quarter of an hour old is forgotten.
CREATE TABLE token_guess (
    guess_key  text COLLATE "C" PRIMARY KEY,
    wrong      integer     NOT NULL CHECK (wrong >= 0),
    last_at    timestamptz NOT NULL,
    wait_until timestamptz NOT NULL
);

CREATE INDEX token_guess_last ON token_guess (last_at);
