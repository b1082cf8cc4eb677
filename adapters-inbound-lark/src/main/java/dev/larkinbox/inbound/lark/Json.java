package dev.larkinbox.inbound.lark;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Instant;

/** Lenient reads of Lark JSON: a field of an unexpected shape reads as absent rather than failing the event. */
final class Json {
    private Json() {
    }

    static JsonObject object(JsonObject parent, String name) {
        JsonElement e = parent.get(name);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
    }

    static String string(JsonObject parent, String name) {
        JsonElement e = parent.get(name);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }

    static Instant epochMillis(JsonObject parent, String name) {
        String s = string(parent, name);
        if (s == null) {
            return null;
        }
        try {
            return Instant.ofEpochMilli(Long.parseLong(s.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
