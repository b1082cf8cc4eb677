package dev.larkinbox.outbound.db;

import static dev.larkinbox.domain.testing.SampleEvents.APP;
import static dev.larkinbox.domain.testing.SampleEvents.T0;
import static dev.larkinbox.domain.testing.SampleEvents.applied;
import static dev.larkinbox.domain.testing.SampleEvents.rawEvent;
import static dev.larkinbox.domain.testing.SampleEvents.reviewed;
import static dev.larkinbox.outbound.db.PostgresTestDatabase.queryText;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.larkinbox.domain.event.Delivery;
import dev.larkinbox.domain.version.VersionEventKind;
import dev.larkinbox.domain.testing.VersionPorts;
import dev.larkinbox.domain.testing.VersionPortsContract;
import org.junit.jupiter.api.Test;

class PostgresVersionTest extends VersionPortsContract {
    @Override
    protected VersionPorts emptyStore() {
        return PostgresTestDatabase.emptyVersionStore();
    }

    @Test
    void anApplicationKeepsTheOnlineVersionAndLarksStatusesAndAReviewItsSourceAndCreator() {
        store.steps().append(applied("ev-a", APP, "oav_2", "1.1.0", T0));
        store.steps().append(reviewed("ev-r", APP, "oav_2", VersionEventKind.REJECTED, "crashes", T0.plusSeconds(5)));

        assertEquals("applied|1.1.0|3|oav_online|1.0.0|1", queryText("SELECT concat_ws('|', kind, version, "
                + "version_status, online_version_id, online_version, online_version_status) FROM version_event "
                + "WHERE event_id = 'ev-a'"));
        assertEquals("rejected|crashes|administrator|ou_creator", queryText("SELECT concat_ws('|', kind, remark, "
                + "audit_source, creator_open_id) FROM version_event WHERE event_id = 'ev-r'"));
        assertEquals(rawEvent("ev-r"), queryText("SELECT raw_event FROM version_event WHERE event_id = 'ev-r'"));
    }

    @Test
    void aNulCharacterInARemarkCannotMakeAReviewUnstorable() {
        assertEquals(Delivery.NEW, store.steps().append(reviewed("ev-nul", APP, "oav_1", VersionEventKind.APPROVED,
                "ok\u0000", T0)));

        assertEquals("ok\uFFFD", store.timeline().versions(APP).get(0).events().get(0).remark());
    }
}
