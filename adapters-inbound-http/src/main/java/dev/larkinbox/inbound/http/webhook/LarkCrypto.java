package dev.larkinbox.inbound.http.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Lark's webhook encryption and signature, with the JDK's crypto.
 * <p>
 * Written here instead of using the Java SDK's {@code EventDispatcher} (2.5.3), because that class logs every
 * request's headers and body at INFO (personal data and the signature in the log), compares signatures with
 * {@code String.equals} (not constant-time), and checks the verification token only on the URL challenge,
 * never on events.
 * <ul>
 *   <li>Body {@code {"encrypt": base64(iv[16] + AES-256-CBC(PKCS#7(json)))}}, key = SHA-256(encrypt key).</li>
 *   <li>{@code X-Lark-Signature} = lowercase hex SHA-256(timestamp + nonce + encrypt key + raw body bytes).</li>
 * </ul>
 */
final class LarkCrypto {
    private static final int IV_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * One cipher and one digest per thread (the event loops'), set up once: looking them up cost each request
     * more than decrypting it, and a cipher given the same key again keeps that key's round keys.
     */
    private static final ThreadLocal<Cipher> AES_CBC = ThreadLocal.withInitial(LarkCrypto::aesCbc);
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(LarkCrypto::sha256Digest);

    private LarkCrypto() {
    }

    /** The AES key of an encrypt key: made once per key, not per request. */
    static SecretKeySpec aesKey(String encryptKey) {
        return new SecretKeySpec(sha256(encryptKey.getBytes(StandardCharsets.UTF_8)), "AES");
    }

    /**
     * @param key from {@link #aesKey}
     * @throws GeneralSecurityException when the text is not base64 of an IV and whole AES blocks with valid padding
     */
    static String decrypt(SecretKeySpec key, String encrypted) throws GeneralSecurityException {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encrypted);
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("not base64");
        }
        if (bytes.length <= IV_BYTES) {
            throw new GeneralSecurityException("too short for an IV and a block");
        }
        Cipher cipher = AES_CBC.get();
        cipher.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(bytes, 0, IV_BYTES));
        return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
    }

    /** As Lark encrypts a body: a random IV, then the JSON under AES-256-CBC, base64. */
    static String encrypt(String encryptKey, String plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = AES_CBC.get();
            cipher.init(Cipher.ENCRYPT_MODE, aesKey(encryptKey), new IvParameterSpec(iv));
            byte[] encrypted = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] wire = new byte[IV_BYTES + encrypted.length];
            System.arraycopy(iv, 0, wire, 0, IV_BYTES);
            System.arraycopy(encrypted, 0, wire, IV_BYTES, encrypted.length);
            return Base64.getEncoder().encodeToString(wire);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has AES-256-CBC", e);
        }
    }

    /** Lark's signature of these raw body bytes, lowercase hex. */
    static String signature(String timestamp, String nonce, String encryptKey, byte[] rawBody) {
        return HexFormat.of().formatHex(sha256((timestamp + nonce + encryptKey).getBytes(StandardCharsets.UTF_8),
                rawBody));
    }

    /** True when {@code signature} is Lark's signature of these raw body bytes; constant-time. */
    static boolean signatureMatches(String timestamp, String nonce, String encryptKey, byte[] rawBody, String signature) {
        byte[] expected = signature(timestamp, nonce, encryptKey, rawBody).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] sha256(byte[]... parts) {
        MessageDigest digest = SHA_256.get();
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    private static Cipher aesCbc() {
        try {
            return Cipher.getInstance("AES/CBC/PKCS5Padding"); // PKCS5 in the JDK's naming is PKCS#7 for AES
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has AES-256-CBC", e);
        }
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
