package dev.larkinbox.inbound.http.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook requests built the way the Lark platform builds them (see shared/bench/larksim.py): the JSON encrypted
 * with AES-256-CBC under SHA-256(encrypt key), a random IV in front, PKCS#7 padding, base64, as
 * {@code {"encrypt": ...}}; signed with hex SHA-256(timestamp + nonce + encrypt key + body bytes).
 */
public final class LarkWire {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The bytes and headers of one request. */
    public record Request(byte[] body, Map<String, String> headers) {
        public Request {
            Objects.requireNonNull(body, "body");
            headers = Map.copyOf(headers);
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
        return new Request(json.getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "application/json; charset=utf-8"));
    }

    /** Encrypted but unsigned: how Lark sends a url_verification to an app with an encrypt key. */
    public static Request encryptedUnsigned(String json, String encryptKey) {
        return plain(encryptedBody(json, encryptKey));
    }

    /** Encrypted and signed: how Lark sends an event to an app with an encrypt key. */
    public static Request signed(String json, String encryptKey) {
        return signedBody(encryptedBody(json, encryptKey), encryptKey);
    }

    /** Any body, signed with the key, to show what the service does with a signed body it cannot use. */
    public static Request signedBody(String body, String encryptKey) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        String nonce = Long.toString(1_000_000_000L + RANDOM.nextInt(1_000_000_000));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json; charset=utf-8");
        headers.put("X-Lark-Request-Timestamp", timestamp);
        headers.put("X-Lark-Request-Nonce", nonce);
        headers.put("X-Lark-Signature", signature(timestamp, nonce, encryptKey, bytes));
        return new Request(bytes, headers);
    }

    private static String encryptedBody(String json, String encryptKey) {
        return "{\"encrypt\":\"" + encrypt(json, encryptKey) + "\"}";
    }

    private static String encrypt(String plain, String encryptKey) {
        try {
            byte[] iv = new byte[16];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(sha256(encryptKey.getBytes(StandardCharsets.UTF_8)), "AES"),
                    new IvParameterSpec(iv));
            byte[] encrypted = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] wire = new byte[iv.length + encrypted.length];
            System.arraycopy(iv, 0, wire, 0, iv.length);
            System.arraycopy(encrypted, 0, wire, iv.length, encrypted.length);
            return Base64.getEncoder().encodeToString(wire);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String signature(String timestamp, String nonce, String encryptKey, byte[] body) {
        byte[] prefix = (timestamp + nonce + encryptKey).getBytes(StandardCharsets.UTF_8);
        byte[] signed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        return HexFormat.of().formatHex(sha256(signed));
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
