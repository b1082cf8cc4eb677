package dev.larkinbox.inbound.http.error;

import static dev.larkinbox.inbound.http.support.ErrorAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.larkinbox.inbound.http.support.TestServer;
import dev.larkinbox.inbound.http.support.TestServer.Reply;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Micronaut's own errors are problem documents too, and quote nothing of the request. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ErrorDocumentTest {
    @RegisterExtension
    static final TestServer server = TestServer.secured();

    @Test
    void an_unknown_path_is_a_404_problem() {
        assertError(server.get("/no-such-path", null), 404, "about:blank");
    }

    @Test
    void a_wrong_method_is_a_405_problem() {
        assertError(server.get("/webhook/event", null), 405, "about:blank");
    }

    @Test
    void a_content_type_the_webhook_does_not_take_is_a_415_problem() {
        Reply reply = server.send(server.builder("/webhook/event", Map.of("Content-Type", "text/plain"))
                .POST(HttpRequest.BodyPublishers.ofString("hello")).build());

        assertError(reply, 415, "about:blank");
    }

    @Test
    void unreadable_json_is_a_400_problem_that_does_not_quote_the_body() {
        Reply reply = server.send(server.builder("/probe/json", Map.of("Content-Type", "application/json"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"count\": \"wang@bytedance.com\"")).build());

        assertError(reply, 400, "malformed-body");
        assertFalse(reply.body().contains("wang@bytedance.com"), reply.body());
    }

    @Test
    void an_unexpected_failure_is_a_500_problem_without_its_message() {
        Reply reply = server.get("/probe/fail", null);

        assertError(reply, 500, "about:blank");
        assertFalse(reply.body().contains(ProbeController.FAILURE_MESSAGE), reply.body());
    }
}
