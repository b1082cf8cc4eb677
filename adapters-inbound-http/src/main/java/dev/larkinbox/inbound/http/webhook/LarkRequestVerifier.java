package dev.larkinbox.inbound.http.webhook;

import dev.larkinbox.inbound.http.access.Secrets;
import dev.larkinbox.inbound.http.error.RefusalException;
import dev.larkinbox.inbound.http.error.ErrorType;
import dev.larkinbox.inbound.lark.LarkEnvelope;
import dev.larkinbox.inbound.lark.MalformedEventException;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the raw bytes of a webhook request into a payload that is known to come from Lark, or refuses it.
 * <ul>
 *   <li>{@code lark.encrypt-key} set: the body must be {@code {"encrypt": ...}} and carry Lark's signature
 *   headers; only a {@code url_verification} may come unsigned (Lark sends it so).</li>
 *   <li>{@code lark.verification-token} set: every payload's token must match, events as well as the challenge.
 *   Without an encrypt key that is all that is checked, and the body is unsigned: warned at start.</li>
 *   <li>Neither set: nothing can be verified, so every request is refused (401), unless
 *   {@code lark.webhook.allow-unverified} is true: then anyone can post events, said loudly at start.</li>
 * </ul>
 * The timestamp header is signed but not held to a time window: Lark does not document whether a retry is
 * signed afresh, so a window could refuse real retries; a replayed event is harmless, being deduplicated.
 * Created eagerly ({@link Context}) so that a missing configuration is reported at start, not at the first event.
 */
@Context
@Requires(condition = WebhookServed.class)
class LarkRequestVerifier {
    private static final Logger LOG = LoggerFactory.getLogger(LarkRequestVerifier.class);

    static final String TIMESTAMP_HEADER = "X-Lark-Request-Timestamp";
    static final String NONCE_HEADER = "X-Lark-Request-Nonce";
    static final String SIGNATURE_HEADER = "X-Lark-Signature";

    private final String encryptKey;
    /** Null without an encrypt key. */
    private final SecretKeySpec aesKey;
    private final String verificationToken;
    private final JsonMapper json;
    /** Neither key nor token, and unverified events not allowed: every request is refused. */
    private final boolean refuseAll;

    LarkRequestVerifier(WebhookConfig config, JsonMapper json) {
        this.encryptKey = Secrets.isConfigured(config.encryptKey()) ? config.encryptKey() : null;
        this.aesKey = encryptKey == null ? null : LarkCrypto.aesKey(encryptKey);
        this.verificationToken = Secrets.isConfigured(config.verificationToken()) ? config.verificationToken() : null;
        boolean allowUnverified = config.webhook().allowUnverified();
        this.json = json;
        boolean unverifiable = this.encryptKey == null && this.verificationToken == null;
        this.refuseAll = unverifiable && !allowUnverified;
        if (refuseAll) {
            LOG.warn("Neither lark.encrypt-key nor lark.verification-token is set: POST /webhook/event refuses every "
                    + "event (401). Set LARK_ENCRYPT_KEY and LARK_VERIFICATION_TOKEN.");
        } else if (unverifiable) {
            LOG.warn("NEITHER lark.encrypt-key NOR lark.verification-token IS SET and lark.webhook.allow-unverified "
                    + "is true: POST /webhook/event accepts events from anyone, unauthenticated. Set "
                    + "LARK_ENCRYPT_KEY and LARK_VERIFICATION_TOKEN.");
        } else if (this.encryptKey == null) {
            LOG.warn("lark.verification-token is set without lark.encrypt-key: POST /webhook/event accepts unsigned "
                    + "bodies that carry the token, and the token travels in every event, so whoever learns it can "
                    + "post events. Set LARK_ENCRYPT_KEY (Encrypt Key in the app's console) to have every event "
                    + "encrypted and signed.");
        }
    }

    /**
     * @throws RefusalException        401 for an unsigned, wrongly signed, plain (when encryption is required) or
     *                                 wrongly tokened payload, and for every payload when nothing can be verified
     * @throws MalformedEventException 400 for a body that is not JSON
     */
    LarkEnvelope open(byte[] rawBody, HttpHeaders headers) {
        if (refuseAll) {
            throw new RefusalException(ErrorType.WEBHOOK_NOT_CONFIGURED, "no event can be verified: neither "
                    + "LARK_ENCRYPT_KEY (lark.encrypt-key) nor LARK_VERIFICATION_TOKEN (lark.verification-token) is "
                    + "set; set them as Lark's console shows, or LARK_WEBHOOK_ALLOW_UNVERIFIED=true to accept "
                    + "unverified events when trying the service locally");
        }
        LarkEnvelope envelope = encryptKey == null
                ? LarkEnvelope.parse(new String(rawBody, StandardCharsets.UTF_8))
                : decrypt(rawBody, headers);
        if (verificationToken != null && !Secrets.matches(verificationToken, envelope.token())) {
            throw new RefusalException(ErrorType.WRONG_VERIFICATION_TOKEN,
                    "the payload's verification token is missing or does not match lark.verification-token");
        }
        return envelope;
    }

    private LarkEnvelope decrypt(byte[] rawBody, HttpHeaders headers) {
        String encrypted = encryptedField(rawBody);
        String timestamp = headers.get(TIMESTAMP_HEADER);
        String nonce = headers.get(NONCE_HEADER);
        String signature = headers.get(SIGNATURE_HEADER);
        if (timestamp == null || nonce == null || signature == null) {
            return unsignedChallenge(encrypted);
        }
        if (!LarkCrypto.signatureMatches(timestamp, nonce, encryptKey, rawBody, signature)) {
            throw new RefusalException(ErrorType.UNVERIFIED_REQUEST,
                    "X-Lark-Signature does not match the body under lark.encrypt-key");
        }
        try {
            return LarkEnvelope.parse(LarkCrypto.decrypt(aesKey, encrypted));
        } catch (GeneralSecurityException e) {
            // signed with our key, so it came from Lark, yet it does not decrypt: a malformed payload
            throw new MalformedEventException("the encrypt field does not decrypt under lark.encrypt-key");
        }
    }

    /**
     * Lark sends the challenge encrypted but unsigned. Every failure here gets the same answer, so that an
     * unsigned request cannot learn whether its ciphertext decrypted (no padding oracle).
     */
    private LarkEnvelope unsignedChallenge(String encrypted) {
        LarkEnvelope envelope;
        try {
            envelope = LarkEnvelope.parse(LarkCrypto.decrypt(aesKey, encrypted));
        } catch (GeneralSecurityException | MalformedEventException e) {
            envelope = null;
        }
        if (envelope == null || !envelope.isUrlVerification()) {
            throw new RefusalException(ErrorType.UNVERIFIED_REQUEST, "the X-Lark-Request-Timestamp, "
                    + "X-Lark-Request-Nonce and X-Lark-Signature headers are required; only url_verification may "
                    + "come without them");
        }
        return envelope;
    }

    private String encryptedField(byte[] rawBody) {
        EncryptedBody body;
        try {
            body = json.readValue(rawBody, EncryptedBody.class);
        } catch (IOException | RuntimeException e) {
            // the parser's message may quote the body: not passed on
            throw new MalformedEventException("the body is not a JSON object");
        }
        if (body == null || body.encrypt() == null || body.encrypt().isEmpty()) {
            throw new RefusalException(ErrorType.UNVERIFIED_REQUEST,
                    "lark.encrypt-key is set, so the body must be encrypted: {\"encrypt\": ...}");
        }
        return body.encrypt();
    }
}
