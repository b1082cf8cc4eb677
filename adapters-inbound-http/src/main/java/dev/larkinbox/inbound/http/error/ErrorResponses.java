package dev.larkinbox.inbound.http.error;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

/** Builds every problem response of this service, ours and Micronaut's alike. */
public final class ErrorResponses {

    /** Lark retries on its own schedule; this tells other clients that a retry soon is welcome. */
    static final String RETRY_AFTER_SECONDS = "5";

    private ErrorResponses() {
    }

    public static MutableHttpResponse<ErrorDocument> response(ErrorType type, String detail) {
        MutableHttpResponse<ErrorDocument> response = response(type.status(),
                new ErrorDocument(type.uri(), type.title(), type.status().getCode(), detail));
        if (type == ErrorType.STORAGE_UNAVAILABLE) {
            response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return response;
    }

    /**
     * A problem for an error Micronaut itself raised (no route, wrong method, unreadable request...). Its own
     * messages may quote the request, so the detail here is a fixed sentence per status.
     */
    public static ErrorDocument generic(HttpStatus status) {
        return new ErrorDocument("about:blank", status.getReason(), status.getCode(), genericDetail(status));
    }

    private static MutableHttpResponse<ErrorDocument> response(HttpStatus status, ErrorDocument problem) {
        return HttpResponse.<ErrorDocument>status(status).contentType(MediaType.APPLICATION_JSON_PROBLEM_TYPE).body(problem);
    }

    private static String genericDetail(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "the request could not be read";
            case UNAUTHORIZED -> "authentication is required";
            case FORBIDDEN -> "this request is not allowed";
            case NOT_FOUND -> "there is nothing at this path";
            case METHOD_NOT_ALLOWED -> "this method is not allowed at this path";
            case NOT_ACCEPTABLE -> "this path cannot answer in the requested media type";
            case REQUEST_ENTITY_TOO_LARGE -> "the request body is larger than the server accepts";
            case UNSUPPORTED_MEDIA_TYPE -> "this content type is not accepted at this path";
            case SERVICE_UNAVAILABLE -> "the service is unavailable; try again later";
            default -> status.getCode() >= 500 ? "the server failed to handle the request" : status.getReason();
        };
    }
}
