-- Images kept: Lark's image URLs expire three days after the feedback, so each image is fetched and kept here, a
-- backup of the database being a backup of the evidence. One row per image of a feedback, written in the
-- transaction of the feedback (EventBatch); it is also the image's durable queue, leased like the outboxes
-- (LeasedOutbox names its columns): delivered_at is when it was kept, abandoned_at when it was given up as lost.
CREATE TABLE feedback_image (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    feedback_id     text COLLATE "C" NOT NULL REFERENCES feedback (feedback_id),
    position        integer     NOT NULL CHECK (position >= 0),
    url             text        NOT NULL,
    requested_at    timestamptz NOT NULL,
    -- when the URL stops working: tried until then
    expires_at      timestamptz NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    refusals        integer     NOT NULL DEFAULT 0,
    -- due time, or the end of the lease of the worker that claimed it
    next_attempt_at timestamptz NOT NULL,
    -- the reason of the last failure; of a lost image, why it is lost
    last_error      text,
    delivered_at    timestamptz,
    abandoned_at    timestamptz,
    -- the type found by the bytes' magic number, never the host's word
    content_type    text CHECK (content_type IN ('image/png', 'image/jpeg', 'image/gif', 'image/webp')),
    content         bytea,
    UNIQUE (feedback_id, position),
    CHECK ((delivered_at IS NULL) = (content IS NULL) AND (content IS NULL) = (content_type IS NULL))
);

CREATE INDEX feedback_image_due ON feedback_image (next_attempt_at, id)
    WHERE delivered_at IS NULL AND abandoned_at IS NULL;
CREATE INDEX feedback_image_pending_by_feedback ON feedback_image (feedback_id, id)
    WHERE delivered_at IS NULL AND abandoned_at IS NULL;

-- Feedback stored before: its images are fetched too while their URLs may still work, else recorded as lost.
INSERT INTO feedback_image (feedback_id, position, url, requested_at, expires_at, next_attempt_at, last_error,
                            abandoned_at)
SELECT f.feedback_id, i.position - 1, i.url, f.received_at, f.received_at + interval '3 days', now(),
       CASE WHEN f.received_at + interval '3 days' <= now() THEN 'its URL had expired when images began to be kept' END,
       CASE WHEN f.received_at + interval '3 days' <= now() THEN now() END
FROM feedback f, unnest(f.images) WITH ORDINALITY AS i (url, position)
ORDER BY f.feedback_id, i.position;
