package dev.larkinbox.outbound.db;

import static dev.larkinbox.domain.testing.SampleEvents.FEEDBACK_CREATED;
import static dev.larkinbox.domain.testing.SampleEvents.T0;
import static dev.larkinbox.domain.testing.SampleEvents.meta;
import static dev.larkinbox.domain.testing.SampleEvents.rawEvent;
import static dev.larkinbox.domain.testing.SampleEvents.revocation;
import static dev.larkinbox.domain.testing.SampleEvents.triaged;
import static dev.larkinbox.domain.testing.SampleEvents.unhandled;
import static dev.larkinbox.outbound.db.PostgresTestDatabase.queryText;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.larkinbox.domain.event.Delivery;
import dev.larkinbox.domain.event.UserRef;
import dev.larkinbox.domain.feedback.FaultKind;
import dev.larkinbox.domain.feedback.Feedback;
import dev.larkinbox.domain.feedback.FeedbackType;
import dev.larkinbox.domain.feedback.UnknownCode;
import dev.larkinbox.domain.inbox.FeedbackFilter;
import dev.larkinbox.domain.inbox.FeedbackOrder;
import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.inbox.TriagedFeedback;
import dev.larkinbox.domain.ledger.LedgerOutcome;
import dev.larkinbox.domain.ledger.RecordConflictCommand;
import dev.larkinbox.domain.paging.PageRequest;
import dev.larkinbox.domain.reason.Reason;
import dev.larkinbox.domain.testing.StorePorts;
import dev.larkinbox.domain.testing.StorePortsContract;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

class PostgresStoreTest extends StorePortsContract {
    @Override
    protected StorePorts emptyStore() {
        return PostgresTestDatabase.emptyStore();
    }

    @Test
    void aTriagesReasonsAreStoredInEnglishWithTheirKeysAndAFeedbackStoredBeforeKeysShowsItsText() {
        var feedback = new Feedback("fb-why", "cli_a", null, null, FeedbackType.FAULT,
                List.of(FaultKind.CRASH, new UnknownCode(42)), null, null, null, null, null, null, null);
        store.inbox().add(triaged(meta("ev-why", FEEDBACK_CREATED, T0), feedback, FeedbackStatus.NEW), "{}");

        assertEquals("{\"crash is P1 (stability)\",\"unknown fault kind 42 is P3 (other_fault)\"}",
                queryText("SELECT reasons::text FROM feedback WHERE feedback_id = 'fb-why'"));
        assertEquals(List.of(Reason.of("triage.fault-kind", "crash", "P1", "stability"),
                Reason.of("triage.unknown-kind", "42", "P3", "other_fault")),
                store.inbox().find("fb-why").orElseThrow().triage().reasons());

        PostgresTestDatabase.execute(PostgresTestDatabase.context(),
                "UPDATE feedback SET reason_keys = NULL WHERE feedback_id = 'fb-why'");
        assertEquals(List.of(Reason.verbatim("crash is P1 (stability)"),
                Reason.verbatim("unknown fault kind 42 is P3 (other_fault)")),
                store.inbox().find("fb-why").orElseThrow().triage().reasons(), "as stored before V27");
    }

    @Test
    void numbersLarkAddsLaterAreKeptRawAndComeBackUnknown() {
        var feedback = new Feedback("fb-future", "cli_a", null, null, new UnknownCode(3),
                List.of(FaultKind.CRASH, new UnknownCode(42)), new UnknownCode(77), null, null, null, null, null, null);
        store.inbox().add(triaged(meta("ev-future", FEEDBACK_CREATED, T0), feedback, FeedbackStatus.NEW), "{}");

        assertEquals("3|{5,42}|77", queryText(
                "SELECT feedback_type || '|' || fault_types::text || '|' || source FROM feedback WHERE feedback_id = ?",
                "fb-future"));
        Feedback found = store.inbox().find("fb-future").orElseThrow().feedback();
        assertEquals(new UnknownCode(3), found.type());
        assertEquals(List.of(FaultKind.CRASH, new UnknownCode(42)), found.faultKinds());
        assertEquals(new UnknownCode(77), found.source());
        assertEquals(List.of(found), store.inbox().list(new FeedbackFilter(null, Set.of(), Set.of(), new UnknownCode(3),
                null, null), FeedbackOrder.NEWEST, PageRequest.first(10)).items().stream().map(TriagedFeedback::feedback).toList());
    }

    @Test
    void whatWasLeftOutOfAFeedbacksListsIsCountedInItsRow() {
        var feedback = new Feedback("fb-many", "cli_a", null, null, FeedbackType.FAULT,
                java.util.Collections.nCopies(40, FaultKind.LAG), null, null, null, null, null,
                java.util.Collections.nCopies(35, "https://img"), null);
        store.inbox().add(triaged(meta("ev-many", FEEDBACK_CREATED, T0), feedback, FeedbackStatus.NEW), "{}");

        assertEquals("32|8|32|3", queryText("SELECT cardinality(fault_types) || '|' || omitted_fault_types || '|' "
                + "|| cardinality(images) || '|' || omitted_images FROM feedback WHERE feedback_id = 'fb-many'"));
        Feedback found = store.inbox().find("fb-many").orElseThrow().feedback();
        assertEquals(8, found.omittedFaultKinds());
        assertEquals(3, found.omittedImages());
        assertEquals(Feedback.MAX_IMAGES, found.images().size());
    }

    @Test
    void anEventReusingAnIdIsKeptAsAConflictEachDistinctBodyOnce() {
        store.history().append(revocation("ev-1", "cli_a", "v1", T0));
        var reuse = new RecordConflictCommand(meta("ev-1", FEEDBACK_CREATED, T0.plusSeconds(5)), "{\"other\":1}");

        store.ledger().recordConflict(reuse);
        store.ledger().recordConflict(reuse);
        store.ledger().recordConflict(new RecordConflictCommand(reuse.meta(), "{\"other\":2}"));

        assertEquals("2", queryText("SELECT count(*) FROM event_conflict WHERE event_id = 'ev-1'"));
        assertEquals("{\"other\":1}", queryText("SELECT raw_event FROM event_conflict ORDER BY id LIMIT 1"));
        assertEquals(Optional.of(rawEvent("ev-1")), store.ledger().rawEvent("ev-1"), "the first event is kept");
    }

    @Test
    void everyRawEventIsKeptVerbatimEvenWithANulEscapeThatJsonbWouldRefuse() {
        store.inbox().add(triaged(meta("ev-f", FEEDBACK_CREATED, T0), new Feedback("fb-1", null, null, null,
                FeedbackType.FAULT, null, null, null, null, null, null, null, null),
                FeedbackStatus.NEW), rawEvent("ev-f"));
        store.history().append(revocation("ev-r", "cli_a", "v1", T0));
        store.ledger().recordUnhandled(unhandled("ev-u", LedgerOutcome.MALFORMED, T0));

        assertEquals(rawEvent("ev-f"), queryText("SELECT raw_event FROM feedback WHERE event_id = 'ev-f'"));
        assertEquals(rawEvent("ev-r"), queryText("SELECT raw_event FROM revocation WHERE event_id = 'ev-r'"));
        assertEquals(rawEvent("ev-u"), queryText("SELECT raw_event FROM event_ledger WHERE event_id = 'ev-u'"));
        assertEquals("event type not handled", queryText("SELECT problem FROM event_ledger WHERE event_id = 'ev-u'"));
    }

    @Test
    void aNulCharacterInAFieldCannotMakeAnEventUnstorable() {
        var feedback = new Feedback("fb-nul", "cli_a", "tenant\u0000", new UserRef("ou_\u0000", null, null),
                FeedbackType.FAULT,
                List.of(FaultKind.CRASH), null, null, null, "broken\u0000text", null, List.of("https://x/\u0000"), null);

        assertEquals(Delivery.NEW, store.inbox().add(triaged(meta("ev-nul", FEEDBACK_CREATED, T0), feedback,
                FeedbackStatus.NEW), "{}"));

        Feedback found = store.inbox().find("fb-nul").orElseThrow().feedback();
        assertEquals("broken\uFFFDtext", found.description());
        assertEquals("tenant\uFFFD", found.tenantName());
        assertEquals("ou_\uFFFD", found.user().openId());
        assertEquals(List.of("https://x/\uFFFD"), found.images());
    }

    @Test
    void localTimesComeBackAsSentEvenInADaylightSavingGapOfTheJvmZone() {
        // The module's tests run in Europe/Berlin (see pom.xml), where 2022-03-27 02:30 does not exist.
        assertEquals("Europe/Berlin", TimeZone.getDefault().getID());
        var gap = LocalDateTime.parse("2022-03-27T02:30:00");
        var feedback = new Feedback("fb-gap", "cli_a", null, null,
                FeedbackType.FAULT, null, null, gap,
                LocalDateTime.parse("2022-03-27T02:29:59.5"), null, null, null, null);
        store.inbox().add(triaged(meta("ev-gap", FEEDBACK_CREATED, T0), feedback, FeedbackStatus.NEW), "{}");

        Optional<Feedback> found = store.inbox().find("fb-gap").map(TriagedFeedback::feedback);
        assertEquals(Optional.of(gap), found.map(Feedback::feedbackTime));
        assertEquals(Optional.of(LocalDateTime.parse("2022-03-27T02:29:59.5")), found.map(Feedback::faultTime));
        assertEquals("2022-03-27 02:30:00", queryText("SELECT feedback_time::text FROM feedback"));
    }
}
