package dev.larkinbox.inbound.http.support;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.larkinbox.inbound.lark.fixtures.LarkFixtures;
import java.util.UUID;

/** Lark payloads for tests: the seed fixtures with fresh ids, so that tests sharing a store do not collide. */
public final class LarkEvents {
    /** The verification token the seed fixtures carry. */
    public static final String FIXTURE_TOKEN = LarkFixtures.json(LarkFixtures.FEEDBACK_CREATED)
            .getAsJsonObject("header").get("token").getAsString();
    public static final int FAULT = 1;
    public static final int SUGGESTION = 2;

    private LarkEvents() {
    }

    public static String uniqueId(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }

    /** A feedback about {@code appId}; fault types are only set for a fault. */
    public static String feedback(String eventId, String feedbackId, String appId, int feedbackType, int... faultTypes) {
        JsonObject payload = LarkFixtures.json(LarkFixtures.FEEDBACK_CREATED);
        payload.getAsJsonObject("header").addProperty("event_id", eventId);
        JsonObject event = payload.getAsJsonObject("event");
        event.addProperty("feedback_id", feedbackId);
        event.addProperty("app_id", appId);
        event.addProperty("feedback_type", feedbackType);
        JsonArray kinds = new JsonArray();
        for (int kind : faultTypes) {
            kinds.add(kind);
        }
        event.add("fault_type", kinds);
        return payload.toString();
    }

    /** A crash report about {@code appId} with fresh ids. */
    public static String crash(String appId) {
        return feedback(uniqueId("ev_"), uniqueId("fb_"), appId, FAULT, 5);
    }

    public static String revocation(String eventId, String appId, String versionId) {
        JsonObject payload = LarkFixtures.json(LarkFixtures.PUBLISH_REVOKE);
        payload.getAsJsonObject("header").addProperty("event_id", eventId);
        payload.getAsJsonObject("event").addProperty("app_id", appId);
        payload.getAsJsonObject("event").addProperty("version_id", versionId);
        return payload.toString();
    }

    /** An event of a type this service does not handle. */
    public static String ofType(String eventId, String eventType) {
        JsonObject payload = LarkFixtures.json(LarkFixtures.PUBLISH_REVOKE);
        payload.getAsJsonObject("header").addProperty("event_id", eventId);
        payload.getAsJsonObject("header").addProperty("event_type", eventType);
        return payload.toString();
    }

    /** The payload with another header.token, or none when null. */
    public static String withToken(String json, String token) {
        JsonObject payload = JsonParser.parseString(json).getAsJsonObject();
        if (token == null) {
            payload.getAsJsonObject("header").remove("token");
        } else {
            payload.getAsJsonObject("header").addProperty("token", token);
        }
        return payload.toString();
    }

    /** The payload with another event.description. */
    public static String withDescription(String json, String description) {
        JsonObject payload = JsonParser.parseString(json).getAsJsonObject();
        payload.getAsJsonObject("event").addProperty("description", description);
        return payload.toString();
    }

    public static String challenge(String token, String challenge) {
        JsonObject payload = new JsonObject();
        payload.addProperty("challenge", challenge);
        if (token != null) {
            payload.addProperty("token", token);
        }
        payload.addProperty("type", "url_verification");
        return payload.toString();
    }
}
