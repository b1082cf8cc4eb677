package dev.larkinbox.domain.event;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.larkinbox.domain.paging.PageRequest;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventMetaTest {
    private static final Instant NOW = Instant.parse("2024-01-01T00:00:00Z");

    @Test
    void anEventNeedsAnIdATypeAndWhenAndHowItCame() {
        assertThrows(IllegalArgumentException.class, () -> new EventMeta("", "t", null, null, null, NOW, Transport.WEBHOOK));
        assertThrows(IllegalArgumentException.class, () -> new EventMeta("e", " ", null, null, null, NOW, Transport.WEBHOOK));
        assertThrows(NullPointerException.class, () -> new EventMeta("e", "t", null, null, null, null, Transport.WEBHOOK));
        assertThrows(NullPointerException.class, () -> new EventMeta("e", "t", null, null, null, NOW, null));
    }

    @Test
    void appTenantAndCreationTimeAreOptional() {
        assertDoesNotThrow(() -> new EventMeta("e", "t", null, null, null, NOW, Transport.LONG_CONNECTION));
    }

    @Test
    void transportsReadBackFromTheirWireNames() {
        assertEquals(Transport.WEBHOOK, Transport.fromWireName("webhook"));
        assertEquals(Transport.LONG_CONNECTION, Transport.fromWireName("ws"));
        assertThrows(IllegalArgumentException.class, () -> Transport.fromWireName("pigeon"));
    }

    @Test
    void aPageHoldsOneTo200Items() {
        assertThrows(IllegalArgumentException.class, () -> PageRequest.first(0));
        assertThrows(IllegalArgumentException.class, () -> PageRequest.first(201));
        assertEquals(200, PageRequest.first(200).limit());
    }
}
