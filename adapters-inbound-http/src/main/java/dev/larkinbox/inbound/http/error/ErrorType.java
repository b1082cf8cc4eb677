package dev.larkinbox.inbound.http.error;

import io.micronaut.http.HttpStatus;

/**
 * The reasons this service refuses a request, each with its own problem type URI so that a client can tell a
 * wrong signature from a wrong token without parsing the detail.
 */
public enum ErrorType {
    MALFORMED_EVENT(HttpStatus.BAD_REQUEST, "malformed-event", "Malformed event"),
    INVALID_QUERY(HttpStatus.BAD_REQUEST, "invalid-query", "Invalid query"),
    INVALID_CHANGE(HttpStatus.BAD_REQUEST, "invalid-change", "Invalid change"),
    MALFORMED_BODY(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed body"),
    UNVERIFIED_REQUEST(HttpStatus.UNAUTHORIZED, "unverified-request", "Request not verified"),
    WEBHOOK_NOT_CONFIGURED(HttpStatus.UNAUTHORIZED, "webhook-not-configured", "Webhook cannot verify events"),
    WRONG_VERIFICATION_TOKEN(HttpStatus.UNAUTHORIZED, "wrong-verification-token", "Wrong verification token"),
    WRONG_API_TOKEN(HttpStatus.UNAUTHORIZED, "wrong-api-token", "Missing or wrong API token"),
    NOT_ALLOWED(HttpStatus.FORBIDDEN, "not-allowed", "Not allowed for this role"),
    TOO_MANY_WRONG_TOKENS(HttpStatus.TOO_MANY_REQUESTS, "too-many-wrong-tokens", "Too many wrong tokens"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "Not found"),
    IMPOSSIBLE_TRANSITION(HttpStatus.CONFLICT, "impossible-transition", "Transition not allowed"),
    CONCURRENT_CHANGE(HttpStatus.CONFLICT, "concurrent-change", "Changed concurrently"),
    NO_REPORTER(HttpStatus.UNPROCESSABLE_ENTITY, "no-reporter", "No reporter to write to"),
    STALE_VERSION(HttpStatus.PRECONDITION_FAILED, "stale-version", "Stale version"),
    BODY_TOO_SLOW(HttpStatus.REQUEST_TIMEOUT, "body-too-slow", "Request body too slow"),
    BODY_TOO_LARGE(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "body-too-large", "Request body too large"),
    STORAGE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "storage-unavailable", "Storage unavailable"),
    LARK_NOT_CONFIGURED(HttpStatus.SERVICE_UNAVAILABLE, "lark-not-configured", "Lark's open API is not configured"),
    LARK_UNAVAILABLE(HttpStatus.BAD_GATEWAY, "lark-unavailable", "Lark's open API unavailable"),
    LARK_REFUSED(HttpStatus.BAD_GATEWAY, "lark-refused", "Lark's open API refused");

    /** A tag URI (RFC 4151): an identifier, not a page; RFC 9457 names tag URIs for that purpose. */
    private static final String TYPE_PREFIX = "tag:larkinbox.dev,2025:problem/";

    private final HttpStatus status;
    private final String uri;
    private final String title;

    ErrorType(HttpStatus status, String slug, String title) {
        this.status = status;
        this.uri = TYPE_PREFIX + slug;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String uri() {
        return uri;
    }

    public String title() {
        return title;
    }
}
