package dev.larkinbox.inbound.http.webhook;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A webhook request built as Lark builds it: for trying the service locally (the jar's {@code send-event}
 * command) and for tests. With an encrypt key the JSON is encrypted and signed, without one it is sent as it is.
 *
 * @param body    the raw bytes to post
 * @param headers Content-Type and, when signed, Lark's timestamp, nonce and signature headers
 */
public record LarkWebhookRequest(byte[] body, Map<String, String> headers) {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String JSON = "application/json; charset=utf-8";

    public LarkWebhookRequest {
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
    }

    /** As Lark sends an event to an app without an encrypt key. */
    public static LarkWebhookRequest plain(String json) {
        return new LarkWebhookRequest(json.getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", JSON));
    }

    /** Encrypted but unsigned: how Lark sends a url_verification to an app with an encrypt key. */
    public static LarkWebhookRequest encryptedUnsigned(String json, String encryptKey) {
        return plain(encryptedBody(json, encryptKey));
    }

    /** Encrypted and signed: how Lark sends an event to an app with an encrypt key. */
    public static LarkWebhookRequest signed(String json, String encryptKey) {
        return signedBody(encryptedBody(json, encryptKey), encryptKey);
    }

    /** Any body, signed with the key as it is. */
    public static LarkWebhookRequest signedBody(String body, String encryptKey) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        String nonce = Long.toString(1_000_000_000L + RANDOM.nextInt(1_000_000_000));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", JSON);
        headers.put(LarkRequestVerifier.TIMESTAMP_HEADER, timestamp);
        headers.put(LarkRequestVerifier.NONCE_HEADER, nonce);
        headers.put(LarkRequestVerifier.SIGNATURE_HEADER, LarkCrypto.signature(timestamp, nonce, encryptKey, bytes));
        return new LarkWebhookRequest(bytes, headers);
    }

    private static String encryptedBody(String json, String encryptKey) {
        return "{\"encrypt\":\"" + LarkCrypto.encrypt(encryptKey, json) + "\"}";
    }
}
