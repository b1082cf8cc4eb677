-- Chat cards: the outbox of cards to post to the team's chat and to keep true, and the Lark users who work
-- feedback from a card's buttons.

-- a Lark user, named by their open_id, who clicked a card's button
ALTER TABLE feedback_history DROP CONSTRAINT feedback_history_actor_kind_check;
ALTER TABLE feedback_history ADD CONSTRAINT feedback_history_actor_kind_check
    CHECK (actor_kind IN ('user', 'lark_user', 'lark'));

-- One row per card to post (written with the feedback it announces) or to update (written with each later change
-- of that feedback), like status_outbox. The card itself is rendered when it is sent.
CREATE TABLE card_outbox (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    feedback_id     text COLLATE "C" NOT NULL REFERENCES feedback (feedback_id),
    kind            text        NOT NULL CHECK (kind IN ('post', 'update')),
    requested_at    timestamptz NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    refusals        integer     NOT NULL DEFAULT 0,
    -- due time, or the end of the lease of the worker that claimed it
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    delivered_at    timestamptz,
    abandoned_at    timestamptz,
    -- of a post: the message the card became, which its updates edit
    message_id      text,
    CHECK (kind = 'post' OR message_id IS NULL)
);

CREATE UNIQUE INDEX card_outbox_one_post_per_feedback ON card_outbox (feedback_id) WHERE kind = 'post';
CREATE INDEX card_outbox_due ON card_outbox (next_attempt_at, id)
    WHERE delivered_at IS NULL AND abandoned_at IS NULL;
CREATE INDEX card_outbox_pending_by_feedback ON card_outbox (feedback_id, id)
    WHERE delivered_at IS NULL AND abandoned_at IS NULL;
