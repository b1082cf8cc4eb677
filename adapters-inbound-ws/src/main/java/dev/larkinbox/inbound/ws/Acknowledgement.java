package dev.larkinbox.inbound.ws;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * What the client answers Lark for one message, in the payload of the frame it sends back: Lark's answer object
 * {@code {"code", "headers", "data"}}, where {@code data} is the reply with content (a card click's toast and
 * card), base64 as Lark's SDKs send its bytes.
 *
 * @param code  200: handled for good, do not deliver again; 500: deliver again
 * @param reply the JSON Lark is to show in answer; null for none
 */
record Acknowledgement(int code, String reply) {
    /** Committed, or beyond what any redelivery could mend. */
    static final Acknowledgement HANDLED = new Acknowledgement(200, null);
    /** Not stored: Lark must deliver it again. */
    static final Acknowledgement DELIVER_AGAIN = new Acknowledgement(500, null);

    /** Committed, with what Lark is to show in answer (null for nothing). */
    static Acknowledgement handled(String reply) {
        return reply == null ? HANDLED : new Acknowledgement(200, reply);
    }

    /** The ack frame's payload. */
    String payload() {
        JsonObject json = new JsonObject();
        json.addProperty("code", code);
        if (reply != null) {
            json.addProperty("data", Base64.getEncoder().encodeToString(reply.getBytes(StandardCharsets.UTF_8)));
        }
        return json.toString();
    }
}
