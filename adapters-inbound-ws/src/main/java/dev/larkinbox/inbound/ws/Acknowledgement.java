package dev.larkinbox.inbound.ws;

import com.google.gson.JsonObject;

/**
 * What the client answers Lark for one message, in the payload of the frame it sends back. Lark's answer object
 * is {@code {"code", "headers", "data"}}: today only the code is needed, the other fields are where an answer
 * with content (a card callback's reply) goes.
 *
 * @param code 200: handled for good, do not deliver again; 500: deliver again
 */
record Acknowledgement(int code) {
    /** Committed, or beyond what any redelivery could mend. */
    static final Acknowledgement HANDLED = new Acknowledgement(200);
    /** Not stored: Lark must deliver it again. */
    static final Acknowledgement DELIVER_AGAIN = new Acknowledgement(500);

    /** The ack frame's payload. */
    String payload() {
        JsonObject json = new JsonObject();
        json.addProperty("code", code);
        return json.toString();
    }
}
