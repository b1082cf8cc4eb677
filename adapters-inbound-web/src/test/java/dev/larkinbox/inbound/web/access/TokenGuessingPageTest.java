package dev.larkinbox.inbound.web.access;

import static dev.larkinbox.inbound.web.support.WebServer.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.inbound.web.support.PageBeans;
import dev.larkinbox.inbound.web.support.WebServer;
import dev.larkinbox.inbound.web.support.WebServer.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Guessing the token at the sign-in form; a server of its own, since the guesses make its address wait. */
class TokenGuessingPageTest {
    @RegisterExtension
    static final WebServer web = WebServer.start();

    @Test
    void guessingTheTokenIsSlowedThenRefusedWithRetryAfter() {
        WebServer.Visitor guesser = web.anonymous();
        int refusedAt = 0;
        Reply refused = null;
        for (int i = 1; i <= 200 && refused == null; i++) {
            Reply reply = guesser.post("/sign-in", form("token", "guess-" + i, "name", ""));
            if (reply.status() == 429) {
                refusedAt = i;
                refused = reply;
            } else {
                assertEquals(401, reply.status());
            }
        }

        assertTrue(refusedAt > 0 && refusedAt <= 10, "refused at " + refusedAt);
        assertTrue(Integer.parseInt(refused.headers().firstValue("Retry-After").orElseThrow()) >= 1);
        assertTrue(refused.page().selectFirst("[role=alert]").text().startsWith("Too many wrong tokens"));
        assertEquals(429, guesser.post("/sign-in", form("token", PageBeans.TOKEN, "name", "")).status(),
                "even the right token waits: a guess made while waiting would count too");
    }
}
