package dev.larkinbox.inbound.http.error;

import dev.larkinbox.domain.validation.Text;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An RFC 9457 problem document. The detail is written by this service and names the reason only: never
 * the request body, a header value or a stack trace.
 */
@Serdeable
public record ErrorDocument(String type, String title, int status, String detail) {
    public ErrorDocument {
        Text.requireNonBlank(type, "type");
        Text.requireNonBlank(title, "title");
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a problem has an error status, was " + status);
        }
        Text.requireNonBlank(detail, "detail");
    }
}
