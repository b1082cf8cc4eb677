package dev.larkinbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronaut.context.exceptions.ConfigurationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code inbox.images.*}: a bad value stops the start with one line naming it. */
class ImagesConfigTest {

    @Test
    void aBadSettingStopsTheStartWithOneLineNamingIt() {
        assertRefused(Map.of("inbox.images.allowed-hosts", "https://*.byteimg.com,byteimg.com"),
                "inbox.images.allowed-hosts (INBOX_IMAGES_ALLOWED_HOSTS) must be origins such as "
                        + "https://*.byteimg.com, comma-separated, was 'https://*.byteimg.com,byteimg.com'");
        assertRefused(Map.of("inbox.images.max-bytes", "0"),
                "inbox.images.max-bytes (INBOX_IMAGES_MAX_BYTES) must be a number of bytes above 0, was '0'");
        assertRefused(Map.of("inbox.images.max-bytes", "10MB"),
                "inbox.images.max-bytes (INBOX_IMAGES_MAX_BYTES) must be a whole number, was '10MB'");
        assertRefused(Map.of("inbox.images.timeout", "0s"),
                "inbox.images.timeout (INBOX_IMAGES_TIMEOUT) must be longer than 0s, was '0s'");
    }

    private static void assertRefused(Map<String, Object> settings, String line) {
        assertEquals(line, assertThrows(ConfigurationException.class,
                () -> ConfigurationProblems.requireValid(settings)).getMessage());
    }
}
