package dev.larkinbox.inbound.http.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;

/** What every refusal must look like: an RFC 9457 problem document that names the reason and nothing more. */
public final class ErrorAssertions {
    private ErrorAssertions() {
    }

    /**
     * @param type the problem type's last segment (such as {@code unverified-request}), or {@code about:blank}
     *             for Micronaut's own errors
     * @return the document, for further checks
     */
    public static JsonObject assertError(TestServer.Reply reply, int status, String type) {
        assertEquals(status, reply.status(), () -> "status; body " + reply.body());
        assertTrue(reply.contentType().startsWith("application/problem+json"), () -> "content type " + reply.contentType());
        JsonObject problem = reply.json();
        assertEquals(status, problem.get("status").getAsInt());
        String actualType = problem.get("type").getAsString();
        assertTrue(actualType.equals(type) || actualType.endsWith("/" + type), () -> "type " + actualType);
        assertFalse(problem.get("title").getAsString().isBlank());
        assertFalse(problem.get("detail").getAsString().isBlank());
        assertFalse(reply.body().contains("Exception") || reply.body().contains("\tat "), "no stack trace");
        return problem;
    }
}
