package dev.larkinbox.inbound.http;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The OpenAPI document is generated with the classes and describes the whole API, in the API's snake_case. */
class OpenApiDocumentTest {

    @Test
    void theDocumentNamesEveryPathAndTheJsonFieldsAsTheApiWritesThem() throws IOException {
        String document;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/swagger/lark-app-inbox.yml")) {
            assertNotNull(in, "generated at compile time");
            document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        for (String expected : List.of("/webhook/event:", "/api/feedback:", "/api/feedback/{feedback_id}:",
                "/api/feedback/{feedback_id}/history:", "/api/revocations:", "/api/recovery:", "patch:",
                "If-Match", "X-Inbox-Actor", "feedback_id:", "next_cursor:", "assignee_after:", "scheme: bearer")) {
            assertTrue(document.contains(expected), expected);
        }
    }
}
