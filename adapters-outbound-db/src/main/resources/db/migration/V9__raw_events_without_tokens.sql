-- The raw event kept with every stored event held the verification token (header.token, or the top-level token
-- of a v1 body) and a card callback's event.token (a credential that updates the card for 30 minutes). New rows
-- are kept without them (LarkEnvelope); this removes them from the rows kept before, in every table that keeps
-- raw event JSON: event_ledger, feedback, revocation, version_event, event_conflict.
--
-- Raw events are text that jsonb may refuse (a \u0000 escape, JSON only a lenient parser reads): such a row loses
-- every string-valued "token" member by pattern instead. A row that holds no token is left byte for byte.

-- every row is read once: more than the service's statement timeout allows on a large inbox (this transaction only)
SET LOCAL statement_timeout = 0;

CREATE FUNCTION raw_event_without_tokens(raw text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    parsed  jsonb;
    cleaned jsonb;
BEGIN
    IF raw IS NULL OR position('"token"' IN raw) = 0 THEN
        RETURN raw;
    END IF;
    BEGIN
        parsed := raw::jsonb;
    EXCEPTION WHEN others THEN
        -- a member followed by another, then a last (or only) member
        RETURN regexp_replace(regexp_replace(raw,
                '"token"\s*:\s*"(?:[^"\\]|\\.)*"\s*,\s*', '', 'g'),
                ',?\s*"token"\s*:\s*"(?:[^"\\]|\\.)*"', '', 'g');
    END;
    IF jsonb_typeof(parsed) <> 'object' THEN
        RETURN raw;
    END IF;
    cleaned := (parsed - 'token') #- '{header,token}';
    IF cleaned #>> '{header,event_type}' = 'card.action.trigger' THEN
        cleaned := cleaned #- '{event,token}';
    END IF;
    RETURN CASE WHEN cleaned = parsed THEN raw ELSE cleaned::text END;
END
$$;

UPDATE event_ledger SET raw_event = raw_event_without_tokens(raw_event) WHERE raw_event LIKE '%"token"%';
UPDATE feedback SET raw_event = raw_event_without_tokens(raw_event) WHERE raw_event LIKE '%"token"%';
UPDATE revocation SET raw_event = raw_event_without_tokens(raw_event) WHERE raw_event LIKE '%"token"%';
UPDATE version_event SET raw_event = raw_event_without_tokens(raw_event) WHERE raw_event LIKE '%"token"%';

-- Two conflicting bodies of one event id may differ only in their tokens: the first of them stays, since each
-- distinct body is kept once (event_conflict_body_once).
DELETE FROM event_conflict later
    USING event_conflict earlier
    WHERE later.event_id = earlier.event_id AND later.id > earlier.id
      AND raw_event_without_tokens(later.raw_event) = raw_event_without_tokens(earlier.raw_event);
UPDATE event_conflict SET raw_event = raw_event_without_tokens(raw_event) WHERE raw_event LIKE '%"token"%';

DROP FUNCTION raw_event_without_tokens(text);
