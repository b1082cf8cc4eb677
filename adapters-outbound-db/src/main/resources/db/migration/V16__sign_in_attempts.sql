-- Sign-ins with Lark under way: kept from the moment the browser leaves for Lark's page until it comes back,
-- shared by every instance behind a load balancer. Each row is taken (deleted) once, when the browser comes back;
-- rows never taken are deleted once expired. No personal data: the state, a hash of the browser's cookie, the
-- PKCE verifier and the inbox path the person was going to.
CREATE TABLE sign_in_attempt (
    state         text COLLATE "C" PRIMARY KEY,
    browser_hash  text        NOT NULL,
    code_verifier text        NOT NULL,
    return_to     text        NOT NULL,
    expires_at    timestamptz NOT NULL
);

CREATE INDEX sign_in_attempt_expiry ON sign_in_attempt (expires_at);
