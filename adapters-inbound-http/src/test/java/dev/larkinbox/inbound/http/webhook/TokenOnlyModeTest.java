package dev.larkinbox.inbound.http.webhook;

import static dev.larkinbox.inbound.http.support.LarkEvents.FIXTURE_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import dev.larkinbox.inbound.http.support.LogCapture;
import dev.larkinbox.inbound.http.support.TestServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A verification token without an encrypt key accepts unsigned bodies: the operator is told so at start. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TokenOnlyModeTest {

    @Test
    void a_token_without_encrypt_key_is_warned_about_at_start_without_the_token() {
        List<String> warnings;
        try (LogCapture log = LogCapture.start();
             TestServer ignored = TestServer.start(Map.of("lark.verification-token", FIXTURE_TOKEN,
                     "inbox.api-token", TestServer.API_TOKEN))) {
            warnings = log.lines(Level.WARN);
        }

        List<String> tokenOnly = warnings.stream().filter(line -> line.contains("accepts unsigned bodies")).toList();
        assertEquals(1, tokenOnly.size(), String.join("\n", warnings));
        assertTrue(tokenOnly.get(0).contains("LARK_ENCRYPT_KEY"), tokenOnly.get(0));
        assertTrue(warnings.stream().noneMatch(line -> line.contains(FIXTURE_TOKEN)), "the token stays out of logs");
    }

    @Test
    void with_an_encrypt_key_there_is_no_such_warning() {
        try (LogCapture log = LogCapture.start(); TestServer ignored = TestServer.secured()) {
            assertTrue(log.lines(Level.WARN).stream().noneMatch(line -> line.contains("accepts unsigned bodies")));
        }
    }
}
