package dev.larkinbox.inbound.lark;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.time.Instant;

/**
 * One plain (decrypted) Lark payload, parsed once: a schema 2.0 event, or a {@code url_verification} challenge.
 * Every field is optional here; {@link LarkEventIntake} decides what an event must have.
 *
 * @param raw       the JSON text exactly as received, kept with what we store
 * @param type      top-level {@code type} ({@code url_verification} for a challenge), else null
 * @param token     the verification token: {@code header.token} (schema 2.0) or top-level {@code token}
 * @param createdAt {@code header.create_time} (milliseconds), null when absent or not a number
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

    public boolean isUrlVerification() {
        return URL_VERIFICATION.equals(type);
    }

    /** @throws MalformedEventException when the text is not a JSON object */
    public static LarkEnvelope parse(String json) {
        JsonObject root;
        try {
            JsonElement parsed = JsonParser.parseString(json);
            if (!parsed.isJsonObject()) {
                throw new MalformedEventException("the body is not a JSON object");
            }
            root = parsed.getAsJsonObject();
        } catch (JsonParseException | StackOverflowError e) {
            // StackOverflowError: absurdly deep nesting is malformed input, not a reason to die
            throw new MalformedEventException("the body is not valid JSON");
        }
        JsonObject header = Json.object(root, "header");
        String token = header != null && Json.string(header, "token") != null
                ? Json.string(header, "token") : Json.string(root, "token");
        return new LarkEnvelope(
                json,
                Json.string(root, "type"),
                Json.string(root, "challenge"),
                token,
                header == null ? null : Json.string(header, "event_id"),
                header == null ? null : Json.string(header, "event_type"),
                header == null ? null : Json.string(header, "app_id"),
                header == null ? null : Json.string(header, "tenant_key"),
                header == null ? null : Json.epochMillis(header, "create_time"),
                Json.object(root, "event"));
    }
}
