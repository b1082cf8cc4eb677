package dev.larkinbox.outbound.lark;

import static dev.larkinbox.domain.testing.SampleEvents.T0;
import static dev.larkinbox.domain.testing.SampleEvents.feedback;
import static dev.larkinbox.domain.testing.SampleEvents.rawEvent;
import static dev.larkinbox.outbound.lark.LarkOpenApiTest.APP;
import static dev.larkinbox.outbound.lark.LarkOpenApiTest.SECRET;
import static dev.larkinbox.outbound.lark.LarkOpenApiTest.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.event.Transport;
import dev.larkinbox.domain.inbox.FeedbackFilter;
import dev.larkinbox.domain.inbox.FeedbackOrder;
import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.inbox.TriagedFeedback;
import dev.larkinbox.domain.ledger.LedgerOutcome;
import dev.larkinbox.domain.paging.PageRequest;
import dev.larkinbox.domain.recovery.RecoverMissedFeedbackCommand;
import dev.larkinbox.domain.recovery.RecoveryReport;
import dev.larkinbox.domain.recovery.RecoveryService;
import dev.larkinbox.domain.testing.InMemoryStore;
import dev.larkinbox.domain.triage.DefaultTriagePolicy;
import dev.larkinbox.domain.triage.Priority;
import dev.larkinbox.outbound.lark.standin.LarkStandIn;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Feedback that never arrived is listed back from the stand-in Lark open API into the inbox. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RecoveryIntegrationTest {
    private final LarkStandIn lark = LarkStandIn.start(APP, SECRET, 2);
    private final InMemoryStore store = new InMemoryStore();
    private final RecoveryService recovery = new RecoveryService(new LarkOpenApi(settings(lark, null)), store, store,
            new DefaultTriagePolicy(), List.of(APP), 3, Clock.systemUTC());

    @AfterEach
    void stop() {
        lark.close();
    }

    @Test
    void recoveryAddsExactlyTheMissingFeedbackAndTwiceInARowNoDuplicates() {
        LocalDateTime now = LocalDateTime.now(LarkOpenApi.LARK_ZONE);
        for (int i = 1; i <= 5; i++) {
            lark.addFeedback(APP, "fb-" + i, now.minusHours(i * 5L));
        }
        lark.addFeedback(APP, "fb-too-old", now.minusDays(10));
        arrivedByEvent("fb-2");
        arrivedByEvent("fb-4");

        RecoveryReport first = recovery.recover(new RecoverMissedFeedbackCommand(3));
        RecoveryReport second = recovery.recover(new RecoverMissedFeedbackCommand(3));

        assertEquals(new RecoveryReport(5, List.of("fb-1", "fb-3", "fb-5")), first);
        assertEquals(new RecoveryReport(5, List.of()), second);
        assertEquals(Set.of("fb-1", "fb-2", "fb-3", "fb-4", "fb-5"), inboxIds());
        for (String id : List.of("fb-1", "fb-3", "fb-5")) {
            assertEquals(LedgerOutcome.RECOVERED, store.entry("recovered:" + id).orElseThrow().outcome());
        }
        assertEquals("ev-fb-2", store.find("fb-2").orElseThrow().meta().eventId(), "arrived feedback is left as is");
    }

    @Test
    void aRecoveredFeedbackIsTriagedLikeAnyOtherAndShowsLarksStatus() {
        lark.addFeedback(APP, "fb-1", LocalDateTime.now(LarkOpenApi.LARK_ZONE)).addProperty("status", 2);

        recovery.recover(new RecoverMissedFeedbackCommand(1));

        TriagedFeedback item = store.find("fb-1").orElseThrow();
        assertEquals(Priority.P1, item.triage().priority(), "a crash");
        assertEquals("stability", item.triage().category());
        assertEquals(FeedbackStatus.IN_PROGRESS, item.status());
        assertEquals(Transport.RECOVERY, item.meta().transport());
        assertEquals("打开后白屏", item.feedback().description());
    }

    private void arrivedByEvent(String feedbackId) {
        store.add(feedback("ev-" + feedbackId, feedbackId, T0), rawEvent("ev-" + feedbackId));
    }

    private Set<String> inboxIds() {
        return store.list(FeedbackFilter.ALL, FeedbackOrder.NEWEST, PageRequest.first(100)).items().stream()
                .map(f -> f.feedback().feedbackId()).collect(Collectors.toSet());
    }
}
