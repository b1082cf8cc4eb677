package dev.larkinbox.domain.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.larkinbox.domain.event.Delivery;
import dev.larkinbox.domain.event.EventMeta;
import dev.larkinbox.domain.event.Transport;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LedgerServiceTest {
    private static final EventMeta META = new EventMeta("ev-9", "im.message.receive_v1", null, null, null,
            Instant.parse("2024-01-01T00:00:00Z"), Transport.WEBHOOK);

    @Test
    void anUnhandledEventIsRecordedInTheLedger() {
        EventLedger ledger = mock(EventLedger.class);
        var command = new RecordUnhandledEventCommand(META, LedgerOutcome.IGNORED, "event type not handled", "{}");
        when(ledger.recordUnhandled(command)).thenReturn(Delivery.NEW);

        assertEquals(Delivery.NEW, new LedgerService(ledger).record(command));
    }

    @Test
    void anUnhandledEventCannotPretendToBeStored() {
        assertThrows(IllegalArgumentException.class,
                () -> new RecordUnhandledEventCommand(META, LedgerOutcome.STORED, "x", "{}"));
    }

    @Test
    void outcomesReadBackFromTheirLabels() {
        for (LedgerOutcome o : LedgerOutcome.values()) {
            assertEquals(o, LedgerOutcome.fromLabel(o.label()));
        }
        assertThrows(IllegalArgumentException.class, () -> LedgerOutcome.fromLabel("lost"));
    }
}
