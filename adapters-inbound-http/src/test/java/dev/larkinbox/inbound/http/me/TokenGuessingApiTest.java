package dev.larkinbox.inbound.http.me;

import static dev.larkinbox.inbound.http.support.ErrorAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.inbound.http.support.TestServer;
import dev.larkinbox.inbound.http.support.TestServer.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Guessing tokens on the API; a server of its own, since the guesses make its address wait. */
class TokenGuessingApiTest {
    @RegisterExtension
    static final TestServer server = TestServer.secured();

    @Test
    void twoHundredWrongTokensMeet429WithRetryAfterWellBeforeTheLast() {
        int refusedAt = 0;
        Reply refused = null;
        for (int i = 1; i <= 200 && refused == null; i++) {
            Reply reply = server.get("/api/feedback", "Bearer wrong-" + i);
            if (reply.status() == 429) {
                refusedAt = i;
                refused = reply;
            } else {
                assertError(reply, 401, "wrong-api-token");
            }
        }

        assertTrue(refusedAt > 0 && refusedAt <= 10, "refused at " + refusedAt);
        assertError(refused, 429, "too-many-wrong-tokens");
        assertTrue(Integer.parseInt(refused.headers().firstValue("Retry-After").orElseThrow()) >= 1);
        assertEquals(429, server.get("/api/feedback").status(), "the right token waits too while guessing goes on");
    }
}
