package dev.larkinbox.inbound.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LongConnectionConfigTest {
    private static final Duration S = Duration.ofSeconds(1);

    @Test
    void theDefaultsSuitLark() {
        LongConnectionConfig config = LongConnectionConfig.of("cli_a", "secret", LongConnectionConfig.FEISHU);
        assertEquals(URI.create("https://open.feishu.cn/callback/ws/endpoint"), config.endpoint());
        assertTrue(config.clientErrorBackoff().compareTo(Duration.ofMinutes(1)) >= 0, "a long backoff");
        assertTrue(config.shutdownGrace().compareTo(Duration.ofSeconds(3)) < 0, "close() within a few seconds");
    }

    @Test
    void theEndpointIsUnderTheDomainWithOrWithoutATrailingSlash() {
        assertEquals(URI.create("http://127.0.0.1:9/callback/ws/endpoint"),
                LongConnectionConfig.of("a", "s", URI.create("http://127.0.0.1:9/")).endpoint());
    }

    @Test
    void theSecretIsNeverPrinted() {
        String text = LongConnectionConfig.of("cli_a", "very-secret", LongConnectionConfig.FEISHU).toString();
        assertFalse(text.contains("very-secret"));
        assertTrue(text.contains("cli_a"));
    }

    @Test
    void unusableSettingsAreRefused() {
        URI d = LongConnectionConfig.FEISHU;
        assertThrows(IllegalArgumentException.class, () -> LongConnectionConfig.of(" ", "s", d));
        assertThrows(IllegalArgumentException.class, () -> LongConnectionConfig.of("a", null, d));
        assertThrows(IllegalArgumentException.class, () -> LongConnectionConfig.of("a", "s", URI.create("ftp://x")));
        assertThrows(IllegalArgumentException.class, () -> LongConnectionConfig.of("a", "s", URI.create("/relative")));
        assertThrows(IllegalArgumentException.class,
                () -> new LongConnectionConfig("a", "s", d, Duration.ZERO, S, 1, 1, S, S, S));
        assertThrows(IllegalArgumentException.class,
                () -> new LongConnectionConfig("a", "s", d, S, S, 0, 1, S, S, S));
        assertThrows(IllegalArgumentException.class,
                () -> new LongConnectionConfig("a", "s", d, S, S, 1, 0, S, S, S));
        assertThrows(NullPointerException.class,
                () -> new LongConnectionConfig("a", "s", d, S, S, 1, 1, null, S, S));
    }
}
