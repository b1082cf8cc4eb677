package dev.larkinbox.domain.testing;

import static dev.larkinbox.domain.testing.SampleEvents.T0;
import static dev.larkinbox.domain.testing.SampleEvents.feedback;
import static dev.larkinbox.domain.testing.SampleEvents.rawEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.larkinbox.domain.event.Delivery;
import dev.larkinbox.domain.event.StorageUnavailableException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryStoreTest extends StorePortsContract {
    private InMemoryStore memory;

    @Override
    protected StorePorts emptyStore() {
        memory = new InMemoryStore();
        return StorePorts.of(memory);
    }

    @Test
    void aStoreFailingWritesRefusesEventsAndAcceptsThemAgainOnceItRecovers() {
        memory.failWrites(true);
        assertThrows(StorageUnavailableException.class, () -> memory.add(feedback("ev-1", "fb-1", T0), rawEvent("ev-1")));
        assertEquals(Optional.empty(), memory.entry("ev-1"));

        memory.failWrites(false);
        assertEquals(Delivery.NEW, memory.add(feedback("ev-1", "fb-1", T0), rawEvent("ev-1")));
    }
}
