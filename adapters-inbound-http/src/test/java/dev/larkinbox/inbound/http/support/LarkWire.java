package dev.larkinbox.inbound.http.support;

import dev.larkinbox.inbound.http.webhook.LarkWebhookRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Webhook requests built the way the Lark platform builds them ({@link LarkWebhookRequest}), as tests change them
 * further: a header taken away or tampered with.
 */
public final class LarkWire {

    /** The bytes and headers of one request. */
    public record Request(byte[] body, Map<String, String> headers) {
        public Request {
            Objects.requireNonNull(body, "body");
            headers = Map.copyOf(headers);
        }

        private static Request of(LarkWebhookRequest request) {
            return new Request(request.body(), request.headers());
        }

        /** The same request with one header changed, or removed when the value is null. */
        public Request withHeader(String name, String value) {
            Map<String, String> changed = new LinkedHashMap<>(headers);
            if (value == null) {
                changed.remove(name);
            } else {
                changed.put(name, value);
            }
            return new Request(body, changed);
        }
    }

    private LarkWire() {
    }

    /** As Lark sends it to an app without an encrypt key. */
    public static Request plain(String json) {
        return Request.of(LarkWebhookRequest.plain(json));
    }

    /** Encrypted but unsigned: how Lark sends a url_verification to an app with an encrypt key. */
    public static Request encryptedUnsigned(String json, String encryptKey) {
        return Request.of(LarkWebhookRequest.encryptedUnsigned(json, encryptKey));
    }

    /** Encrypted and signed: how Lark sends an event to an app with an encrypt key. */
    public static Request signed(String json, String encryptKey) {
        return Request.of(LarkWebhookRequest.signed(json, encryptKey));
    }

    /** Any body, signed with the key, to show what the service does with a signed body it cannot use. */
    public static Request signedBody(String body, String encryptKey) {
        return Request.of(LarkWebhookRequest.signedBody(body, encryptKey));
    }
}
