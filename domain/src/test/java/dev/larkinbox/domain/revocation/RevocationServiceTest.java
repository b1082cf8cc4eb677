package dev.larkinbox.domain.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.larkinbox.domain.event.Delivery;
import dev.larkinbox.domain.event.EventMeta;
import dev.larkinbox.domain.event.StorageUnavailableException;
import dev.larkinbox.domain.event.Transport;
import dev.larkinbox.domain.event.UserRef;
import dev.larkinbox.domain.paging.Page;
import dev.larkinbox.domain.paging.PageRequest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RevocationServiceTest {
    private final RevocationHistory history = mock(RevocationHistory.class);
    private final RevocationService service = new RevocationService(history);

    private static final Instant AT = Instant.parse("2024-01-01T00:00:00Z");
    private static final RecordRevocationCommand COMMAND = new RecordRevocationCommand(
            new EventMeta("ev-1", "application.application.app_version.publish_revoke_v6", "cli_a", "t", AT, AT,
                    Transport.LONG_CONNECTION),
            new AppVersionRevocation("cli_b", "oav_1", new UserRef("ou_1", null, null), null, AT), "{}");

    @Test
    void aRevocationIsAppendedToTheHistoryOnce() {
        when(history.append(COMMAND)).thenReturn(Delivery.NEW, Delivery.DUPLICATE);

        assertEquals(Delivery.NEW, service.record(COMMAND));
        assertEquals(Delivery.DUPLICATE, service.record(COMMAND));
    }

    @Test
    void aStorageFailureReachesTheCallerSoTheEventIsNotAcknowledged() {
        when(history.append(COMMAND)).thenThrow(new StorageUnavailableException("down", null));

        assertThrows(StorageUnavailableException.class, () -> service.record(COMMAND));
    }

    @Test
    void theHistoryIsReadThroughTheSameService() {
        RevocationFilter filter = new RevocationFilter("cli_b", "oav_1");
        Page<RecordedRevocation> page = new Page<>(List.of(), null);
        when(history.list(filter, PageRequest.first(10))).thenReturn(page);

        assertEquals(page, service.list(filter, PageRequest.first(10)));
        verify(history).list(filter, PageRequest.first(10));
    }

    @Test
    void aRevocationNeedsTheAppAndTheVersion() {
        assertThrows(IllegalArgumentException.class, () -> new AppVersionRevocation("", "oav", null, null, AT));
        assertThrows(IllegalArgumentException.class, () -> new AppVersionRevocation("cli", null, null, null, AT));
        assertEquals(UserRef.NONE, new AppVersionRevocation("cli", "oav", null, null, AT).operator());
    }
}
