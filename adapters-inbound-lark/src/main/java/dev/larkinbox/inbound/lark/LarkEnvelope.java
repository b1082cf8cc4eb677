package dev.larkinbox.inbound.lark;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;

/**
 * One plain (decrypted) Lark payload, parsed once: a schema 2.0 event, or a {@code url_verification} challenge.
 * Every field is optional here; {@link LarkEventIntake} decides what an event must have.
 *
 * @param raw       the JSON text as received, kept with what we store, less the credentials it carries: the
 *                  verification token ({@code header.token}, top-level {@code token} of a v1 body) and a card
 *                  callback's {@code event.token}, which updates the card for 30 minutes (V9 of the database
 *                  removed the same from the rows kept before); exactly as received when it carries none
 * @param type      top-level {@code type} ({@code url_verification} for a challenge), else null
 * @param token     the verification token: {@code header.token} (schema 2.0) or top-level {@code token}
 * @param createdAt {@code header.create_time} (milliseconds), null when absent or not a number
 * @param event     {@code event}, less its {@code token} in a card callback
 */
public record LarkEnvelope(
        String raw,
        String type,
        String challenge,
        String token,
        String eventId,
        String eventType,
        String appId,
        String tenantKey,
        Instant createdAt,
        JsonObject event) {

    public static final String URL_VERIFICATION = "url_verification";
    /**
     * Lark's events nest fewer than 10 levels; a deeper payload is refused before it is parsed into a tree (a
     * recursive parse of thousands of levels would exhaust the stack).
     */
    public static final int MAX_NESTING = 64;

    public boolean isUrlVerification() {
        return URL_VERIFICATION.equals(type);
    }

    /** @throws MalformedEventException when the text is not a JSON object, or nests deeper than {@link #MAX_NESTING} */
    public static LarkEnvelope parse(String json) {
        JsonObject root;
        try {
            requireNestingWithinLimit(json);
            JsonElement parsed = JsonParser.parseString(json);
            if (!parsed.isJsonObject()) {
                throw new MalformedEventException("the body is not a JSON object");
            }
            root = parsed.getAsJsonObject();
        } catch (JsonParseException | IOException e) {
            throw new MalformedEventException("the body is not valid JSON");
        }
        JsonObject header = Json.object(root, "header");
        String token = header != null && Json.string(header, "token") != null
                ? Json.string(header, "token") : Json.string(root, "token");
        String eventType = header == null ? null : Json.string(header, "event_type");
        JsonObject event = Json.object(root, "event");
        boolean secretsRemoved = removed(header, "token") | removed(root, "token")
                | (LarkEventIntake.CARD_ACTION_TRIGGER.equals(eventType) && removed(event, "token"));
        return new LarkEnvelope(
                secretsRemoved ? root.toString() : json,
                Json.string(root, "type"),
                Json.string(root, "challenge"),
                token,
                header == null ? null : Json.string(header, "event_id"),
                eventType,
                header == null ? null : Json.string(header, "app_id"),
                header == null ? null : Json.string(header, "tenant_key"),
                header == null ? null : Json.epochMillis(header, "create_time"),
                event);
    }

    private static boolean removed(JsonObject parent, String name) {
        return parent != null && parent.remove(name) != null;
    }

    /** Reads the tokens alone, keeping no tree: the first level past the limit refuses the payload. */
    private static void requireNestingWithinLimit(String json) throws IOException {
        JsonReader reader = new JsonReader(new StringReader(json));
        reader.setLenient(true); // as lenient as the parse that follows: this only counts levels
        int depth = 0;
        while (true) {
            switch (reader.peek()) {
                case BEGIN_OBJECT -> {
                    reader.beginObject();
                    depth++;
                }
                case BEGIN_ARRAY -> {
                    reader.beginArray();
                    depth++;
                }
                case END_OBJECT -> {
                    reader.endObject();
                    depth--;
                }
                case END_ARRAY -> {
                    reader.endArray();
                    depth--;
                }
                case NAME -> reader.nextName();
                case END_DOCUMENT -> {
                    return;
                }
                default -> reader.skipValue();
            }
            if (depth > MAX_NESTING) {
                throw new MalformedEventException("the body nests deeper than " + MAX_NESTING + " levels");
            }
        }
    }
}
