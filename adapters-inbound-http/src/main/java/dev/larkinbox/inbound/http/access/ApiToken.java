package dev.larkinbox.inbound.http.access;

import io.micronaut.context.annotation.Context;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bearer token of the read API: {@code inbox.api-token}, or, when that is not configured, a random token
 * made at start. Created with the context (not on first request) so that the generated token is logged at start.
 */
@Context
public class ApiToken {
    private static final Logger LOG = LoggerFactory.getLogger(ApiToken.class);
    private static final int GENERATED_BYTES = 32;

    private final String token;

    ApiToken(ApiConfig config) {
        String configured = config.apiToken();
        if (Secrets.isConfigured(configured)) {
            token = configured;
        } else {
            byte[] random = new byte[GENERATED_BYTES];
            new SecureRandom().nextBytes(random);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            // The one log line allowed to hold a secret: without it nobody could use the API. Set
            // inbox.api-token (INBOX_API_TOKEN) to keep it out of the log.
            LOG.warn("inbox.api-token (INBOX_API_TOKEN) is not set, so /api/** takes a token made at this start, "
                    + "a new one at every start: Authorization: Bearer {}", token);
        }
    }

    public boolean matches(String presented) {
        return Secrets.matches(token, presented);
    }
}
