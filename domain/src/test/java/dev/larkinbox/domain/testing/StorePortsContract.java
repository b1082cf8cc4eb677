package dev.larkinbox.domain.testing;

import static dev.larkinbox.domain.testing.SampleEvents.APP;
import static dev.larkinbox.domain.testing.SampleEvents.FEEDBACK_CREATED;
import static dev.larkinbox.domain.testing.SampleEvents.T0;
import static dev.larkinbox.domain.testing.SampleEvents.fault;
import static dev.larkinbox.domain.testing.SampleEvents.feedback;
import static dev.larkinbox.domain.testing.SampleEvents.meta;
import static dev.larkinbox.domain.testing.SampleEvents.rawEvent;
import static dev.larkinbox.domain.testing.SampleEvents.revocation;
import static dev.larkinbox.domain.testing.SampleEvents.suggestion;
import static dev.larkinbox.domain.testing.SampleEvents.triaged;
import static dev.larkinbox.domain.testing.SampleEvents.unhandled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.event.Delivery;
import dev.larkinbox.domain.event.EventMeta;
import dev.larkinbox.domain.event.Transport;
import dev.larkinbox.domain.event.UserRef;
import dev.larkinbox.domain.feedback.FaultKind;
import dev.larkinbox.domain.feedback.Feedback;
import dev.larkinbox.domain.feedback.FeedbackSource;
import dev.larkinbox.domain.feedback.FeedbackType;
import dev.larkinbox.domain.feedback.UnknownCode;
import dev.larkinbox.domain.inbox.FeedbackFilter;
import dev.larkinbox.domain.inbox.FeedbackOrder;
import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.inbox.MatchCount;
import dev.larkinbox.domain.inbox.InboxSummary;
import dev.larkinbox.domain.inbox.SummaryWindow;
import dev.larkinbox.domain.inbox.TriagedFeedback;
import dev.larkinbox.domain.ledger.LedgerEntry;
import dev.larkinbox.domain.ledger.LedgerOutcome;
import dev.larkinbox.domain.paging.InvalidCursorException;
import dev.larkinbox.domain.paging.Page;
import dev.larkinbox.domain.paging.PageRequest;
import dev.larkinbox.domain.reason.Reason;
import dev.larkinbox.domain.revocation.RecordRevocationCommand;
import dev.larkinbox.domain.revocation.RecordedRevocation;
import dev.larkinbox.domain.revocation.RevocationFilter;
import dev.larkinbox.domain.triage.DefaultTriagePolicy;
import dev.larkinbox.domain.triage.Priority;
import dev.larkinbox.domain.triage.Triage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of {@code FeedbackInbox}, {@code RevocationHistory} and {@code EventLedger} must do.
 * A subclass supplies a fresh, empty store for each test.
 */
public abstract class StorePortsContract {

    private static final Comparator<EventMeta> NEWEST_FIRST = Comparator.comparing(EventMeta::receivedAt)
            .thenComparing(EventMeta::eventId).reversed();

    protected StorePorts store;

    /** Ports over an empty store, sharing one ledger. Called before each test. */
    protected abstract StorePorts emptyStore();

    @BeforeEach
    void startEmpty() {
        store = emptyStore();
    }

    // --- round trips ---------------------------------------------------------------------------------------

    @Test
    void aFeedbackComesBackWithEveryFieldAsStored() {
        var kinds = new ArrayList<FaultKind>(List.of(FaultKind.Known.values()));
        kinds.add(new UnknownCode(42));
        var feedback = new Feedback("7057888018203574291", APP, "字节跳动",
                new UserRef("ou_84aad35d084aa403a838cf73ee18467", "on_8ed6aa67826108097d9ee143816345", "e33ggbyz"),
                FeedbackType.FAULT, kinds, FeedbackSource.WEB_SDK, LocalDateTime.parse("2022-01-30T11:30:12"),
                LocalDateTime.parse("2022-01-30T11:29:59"), "反馈的详细信息：打开后白屏 🙁", "wang@example.com",
                List.of("https://p6-lark-openplatform-image-sign.byteimg.com/1", "https://example.com/2?x=a,b"),
                "page/index?from=菜单");
        var meta = new EventMeta("ev-full", FEEDBACK_CREATED, "cli_9f5343c580712544", "2ca1d211f64f6438",
                Instant.parse("2020-12-23T12:19:49Z"), T0, Transport.LONG_CONNECTION);
        var item = new TriagedFeedback(meta, feedback, new DefaultTriagePolicy().triage(feedback),
                FeedbackStatus.IN_PROGRESS, "张伟", 7);

        assertEquals(Delivery.NEW, store.inbox().add(item, rawEvent("ev-full")));

        assertEquals(Optional.of(item), store.inbox().find("7057888018203574291"));
        assertEquals(Optional.of(new LedgerEntry(meta, LedgerOutcome.STORED)), store.ledger().entry("ev-full"));
    }

    @Test
    void aFeedbackWithOnlyItsRequiredFieldsComesBackWithNullsAndEmptyLists() {
        var feedback = new Feedback("fb-bare", null, null, null, new UnknownCode(7), null, null, null, null, null,
                null, null, null);
        var meta = new EventMeta("ev-bare", FEEDBACK_CREATED, null, null, null, T0, Transport.WEBHOOK);
        var item = triaged(meta, feedback, FeedbackStatus.NEW);

        assertEquals(Delivery.NEW, store.inbox().add(item, "{}"));

        TriagedFeedback found = store.inbox().find("fb-bare").orElseThrow();
        assertEquals(item, found);
        assertEquals(UserRef.NONE, found.feedback().user());
        assertEquals(List.of(), found.feedback().faultKinds());
        assertEquals(List.of(), found.feedback().images());
        assertNull(found.feedback().source());
        assertNull(found.meta().createdAt());
    }

    @Test
    void aFeedbackKeepsTheTriageAndTheStatusItWasStoredWith() {
        var triage = new Triage(Priority.P2, "performance", List.of(Reason.of("triage.fault-kind", "lag", "P2",
                "performance"), Reason.verbatim("a reason of a team's own policy")));
        var item = TriagedFeedback.arrived(meta("ev-1", FEEDBACK_CREATED, T0), fault("fb-1", APP, FaultKind.LAG), triage,
                FeedbackStatus.NEW);

        store.inbox().add(item, rawEvent("ev-1"));

        TriagedFeedback found = store.inbox().find("fb-1").orElseThrow();
        assertEquals(triage, found.triage());
        assertEquals(FeedbackStatus.NEW, found.status());
    }

    @Test
    void anUnknownFeedbackIdIsNotFound() {
        store.inbox().add(feedback("ev-1", "fb-1", T0), rawEvent("ev-1"));

        assertEquals(Optional.empty(), store.inbox().find("fb-2"));
        assertEquals(Optional.empty(), store.ledger().entry("ev-2"));
    }

    @Test
    void aRevocationComesBackInTheHistoryWithItsLedgerEntry() {
        RecordRevocationCommand command = revocation("ev-r", APP, "oav_d317f090b7258ad0372aa53963cda70d", T0);

        assertEquals(Delivery.NEW, store.history().append(command));

        Page<RecordedRevocation> page = store.history().list(RevocationFilter.ALL, PageRequest.first(10));
        assertEquals(List.of(new RecordedRevocation(command.meta(), command.revocation())), page.items());
        assertNull(page.nextCursor());
        assertEquals(Optional.of(new LedgerEntry(command.meta(), LedgerOutcome.STORED)), store.ledger().entry("ev-r"));
    }

    @Test
    void anUnhandledEventIsInTheLedgerWithItsOutcomeAndNowhereElse() {
        var ignored = unhandled("ev-ignored", LedgerOutcome.IGNORED, T0);
        var malformed = unhandled("ev-malformed", LedgerOutcome.MALFORMED, T0.plusSeconds(1));

        assertEquals(Delivery.NEW, store.ledger().recordUnhandled(ignored));
        assertEquals(Delivery.NEW, store.ledger().recordUnhandled(malformed));

        assertEquals(Optional.of(new LedgerEntry(ignored.meta(), LedgerOutcome.IGNORED)),
                store.ledger().entry("ev-ignored"));
        assertEquals(Optional.of(new LedgerEntry(malformed.meta(), LedgerOutcome.MALFORMED)),
                store.ledger().entry("ev-malformed"));
        assertEquals(List.of(), store.inbox().list(FeedbackFilter.ALL, FeedbackOrder.NEWEST, PageRequest.first(10)).items());
        assertEquals(List.of(), store.history().list(RevocationFilter.ALL, PageRequest.first(10)).items());
    }

    @Test
    void theRawEventOfAnEventIdIsFoundWhereverItIsKept() {
        store.inbox().add(feedback("ev-f", "fb-1", T0), rawEvent("ev-f"));
        store.history().append(revocation("ev-r", APP, "v1", T0));
        store.ledger().recordUnhandled(unhandled("ev-u", LedgerOutcome.IGNORED, T0));

        assertEquals(Optional.of(rawEvent("ev-f")), store.ledger().rawEvent("ev-f"));
        assertEquals(Optional.of(rawEvent("ev-r")), store.ledger().rawEvent("ev-r"));
        assertEquals(Optional.of(rawEvent("ev-u")), store.ledger().rawEvent("ev-u"));
        assertEquals(Optional.empty(), store.ledger().rawEvent("ev-never"));
    }

    // --- duplicates ----------------------------------------------------------------------------------------

    @Test
    void aFeedbackEventDeliveredTwiceIsStoredOnceAndTheFirstCopyIsKept() {
        var first = feedback("ev-1", "fb-1", T0);
        var redelivered = triaged(meta("ev-1", FEEDBACK_CREATED, T0.plusSeconds(15)),
                fault("fb-1", "cli_other", FaultKind.LAG), FeedbackStatus.NEW);

        assertEquals(Delivery.NEW, store.inbox().add(first, rawEvent("ev-1")));
        assertEquals(Delivery.DUPLICATE, store.inbox().add(redelivered, rawEvent("ev-1")));

        assertEquals(Optional.of(first), store.inbox().find("fb-1"));
        assertEquals(List.of(first), allFeedback(FeedbackFilter.ALL));
        assertEquals(first.meta(), store.ledger().entry("ev-1").orElseThrow().meta());
    }

    @Test
    void theSameFeedbackIdForAnotherAppIsAConflictAndStoresNothingInTheInbox() {
        var first = feedback("ev-1", "fb-1", T0);
        var otherApp = triaged(meta("ev-2", FEEDBACK_CREATED, T0.plusSeconds(1)),
                fault("fb-1", "cli_other", FaultKind.LAG), FeedbackStatus.NEW);
        var sameApp = triaged(meta("ev-3", FEEDBACK_CREATED, T0.plusSeconds(2)),
                fault("fb-1", first.feedback().appId(), FaultKind.LAG), FeedbackStatus.NEW);
        store.inbox().add(first, rawEvent("ev-1"));

        assertEquals(Delivery.CONFLICT, store.inbox().add(otherApp, rawEvent("ev-2")));
        assertEquals(Delivery.CONFLICT, store.inbox().add(otherApp, rawEvent("ev-2")), "the same answer again");
        assertEquals(Delivery.DUPLICATE, store.inbox().add(sameApp, rawEvent("ev-3")));

        assertEquals(Optional.of(first), store.inbox().find("fb-1"));
        assertEquals(Optional.empty(), store.ledger().entry("ev-2"));
    }

    @Test
    void aRevocationEventDeliveredTwiceIsStoredOnce() {
        var first = revocation("ev-1", APP, "v1", T0);

        assertEquals(Delivery.NEW, store.history().append(first));
        assertEquals(Delivery.DUPLICATE, store.history().append(revocation("ev-1", APP, "v2", T0.plusSeconds(15))));

        assertEquals(List.of(new RecordedRevocation(first.meta(), first.revocation())),
                allRevocations(RevocationFilter.ALL));
    }

    @Test
    void anUnhandledEventDeliveredTwiceIsRecordedOnceWithTheFirstOutcome() {
        var first = unhandled("ev-1", LedgerOutcome.MALFORMED, T0);

        assertEquals(Delivery.NEW, store.ledger().recordUnhandled(first));
        assertEquals(Delivery.DUPLICATE,
                store.ledger().recordUnhandled(unhandled("ev-1", LedgerOutcome.IGNORED, T0.plusSeconds(1))));

        assertEquals(Optional.of(new LedgerEntry(first.meta(), LedgerOutcome.MALFORMED)), store.ledger().entry("ev-1"));
    }

    @Test
    void anEventIdAlreadyStoredAsARevocationStoresNoFeedbackAndNoUnhandledEntry() {
        var revocation = revocation("ev-1", APP, "v1", T0);
        store.history().append(revocation);

        assertEquals(Delivery.DUPLICATE, store.inbox().add(feedback("ev-1", "fb-1", T0), rawEvent("ev-1")));
        assertEquals(Delivery.DUPLICATE,
                store.ledger().recordUnhandled(unhandled("ev-1", LedgerOutcome.IGNORED, T0)));

        assertEquals(Optional.empty(), store.inbox().find("fb-1"));
        assertEquals(Optional.of(new LedgerEntry(revocation.meta(), LedgerOutcome.STORED)), store.ledger().entry("ev-1"));
    }

    @Test
    void anEventIdAlreadyStoredAsAFeedbackOrUnhandledStoresNoRevocation() {
        store.inbox().add(feedback("ev-1", "fb-1", T0), rawEvent("ev-1"));
        store.ledger().recordUnhandled(unhandled("ev-2", LedgerOutcome.IGNORED, T0));

        assertEquals(Delivery.DUPLICATE, store.history().append(revocation("ev-1", APP, "v1", T0)));
        assertEquals(Delivery.DUPLICATE, store.history().append(revocation("ev-2", APP, "v2", T0)));

        assertEquals(List.of(), allRevocations(RevocationFilter.ALL));
        assertEquals(LedgerOutcome.IGNORED, store.ledger().entry("ev-2").orElseThrow().outcome());
    }

    @Test
    void aFeedbackIdAlreadyInTheInboxUnderAnotherEventStoresNothingAndWritesNoLedgerEntry() {
        var first = feedback("ev-1", "fb-1", T0);
        store.inbox().add(first, rawEvent("ev-1"));

        assertEquals(Delivery.DUPLICATE, store.inbox().add(feedback("ev-2", "fb-1", T0.plusSeconds(1)), rawEvent("ev-2")));

        assertEquals(Optional.of(first), store.inbox().find("fb-1"));
        assertEquals(Optional.empty(), store.ledger().entry("ev-2"));
        assertEquals(List.of(first), allFeedback(FeedbackFilter.ALL));
    }

    @Test
    void anEventIdRefusedForItsFeedbackIdCanStillBeStoredLater() {
        store.inbox().add(feedback("ev-1", "fb-1", T0), rawEvent("ev-1"));
        store.inbox().add(feedback("ev-2", "fb-1", T0), rawEvent("ev-2"));

        assertEquals(Delivery.NEW, store.history().append(revocation("ev-2", APP, "v1", T0)));
    }

    // --- filters -------------------------------------------------------------------------------------------

    @Test
    void feedbackCanBeListedByAppStatusPriorityAndType() {
        var crashA = add("ev-1", fault("fb-1", "cli_a", FaultKind.CRASH), FeedbackStatus.NEW, 1);
        var lagA = add("ev-2", fault("fb-2", "cli_a", FaultKind.LAG), FeedbackStatus.ACKNOWLEDGED, 2);
        var crashB = add("ev-3", fault("fb-3", "cli_b", FaultKind.CRASH), FeedbackStatus.ACKNOWLEDGED, 3);
        var ideaB = add("ev-4", suggestion("fb-4", "cli_b"), FeedbackStatus.NEW, 4);
        var futureB = add("ev-5", new Feedback("fb-5", "cli_b", null, null, new UnknownCode(9), null, null, null, null,
                null, null, null, null), FeedbackStatus.CLOSED, 5);

        assertEquals(List.of(lagA, crashA), allFeedback(new FeedbackFilter("cli_a", Set.of(), Set.of(), null, null, null)));
        assertEquals(List.of(crashB, lagA), allFeedback(new FeedbackFilter(null, Set.of(FeedbackStatus.ACKNOWLEDGED), Set.of(), null, null, null)));
        assertEquals(List.of(crashB, crashA), allFeedback(new FeedbackFilter(null, Set.of(), Set.of(Priority.P1), null, null, null)));
        assertEquals(List.of(ideaB), allFeedback(new FeedbackFilter(null, Set.of(), Set.of(), FeedbackType.SUGGESTION, null, null)));
        assertEquals(List.of(futureB), allFeedback(new FeedbackFilter(null, Set.of(), Set.of(), new UnknownCode(9), null, null)));
        assertEquals(List.of(), allFeedback(new FeedbackFilter(null, Set.of(), Set.of(), new UnknownCode(10), null, null)));
        assertEquals(List.of(crashB),
                allFeedback(new FeedbackFilter("cli_b", Set.of(FeedbackStatus.ACKNOWLEDGED), Set.of(Priority.P1), FeedbackType.FAULT, null, null)));
        assertEquals(List.of(), allFeedback(new FeedbackFilter("cli_a", Set.of(FeedbackStatus.CLOSED), Set.of(), null, null, null)));
        assertEquals(List.of(futureB, ideaB, crashB, lagA, crashA), allFeedback(FeedbackFilter.ALL));
    }

    @Test
    void feedbackCanBeListedByAssignee() {
        var mine = acknowledgedBy("alice");
        add("ev-2", fault("fb-2", APP, FaultKind.CRASH), FeedbackStatus.NEW, 2);

        assertEquals(List.of(mine), allFeedback(new FeedbackFilter(null, Set.of(), Set.of(), null, "alice", null)));
        assertEquals(List.of(), allFeedback(new FeedbackFilter(null, Set.of(), Set.of(), null, "bob", null)));
        assertEquals(List.of(), allFeedback(new FeedbackFilter(null, Set.of(FeedbackStatus.NEW), Set.of(), null, "alice", null)));
    }

    /** A crash as ev-1 / fb-1, acknowledged and assigned. */
    private TriagedFeedback acknowledgedBy(String assignee) {
        var crash = fault("fb-1", APP, FaultKind.CRASH);
        var item = new TriagedFeedback(meta("ev-1", FEEDBACK_CREATED, T0), crash,
                new DefaultTriagePolicy().triage(crash), FeedbackStatus.ACKNOWLEDGED, assignee, 2);
        store.inbox().add(item, rawEvent("ev-1"));
        return item;
    }

    @Test
    void feedbackAssignedToNobodyIsListedAndCountedApartFromAnyonesAndEveryones() {
        var mine = acknowledgedBy("alice");
        var nobodys = add("ev-2", fault("fb-2", APP, FaultKind.CRASH), FeedbackStatus.NEW, 2);
        add("ev-3", suggestion("fb-3", APP), FeedbackStatus.NEW, 3);

        var unassignedP1 = new FeedbackFilter(null, Set.of(), Set.of(Priority.P1), null, FeedbackFilter.NOBODY, null);
        assertEquals(List.of(nobodys), allFeedback(unassignedP1));
        assertEquals(1, store.inbox().count(unassignedP1));
        assertEquals(1, store.inbox().count(new FeedbackFilter(null, Set.of(), Set.of(), null, "alice", null)));
        assertEquals(3, store.inbox().count(FeedbackFilter.ALL));
        assertEquals(0, store.inbox().count(new FeedbackFilter("cli_other", Set.of(), Set.of(), null, null, null)));
    }

    @Test
    void severalFiltersAreCountedTogetherEachAsItIsAlone() {
        acknowledgedBy("alice");
        add("ev-2", fault("fb-2", APP, FaultKind.CRASH), FeedbackStatus.NEW, 2);
        add("ev-3", suggestion("fb-3", APP), FeedbackStatus.NEW, 3);

        List<FeedbackFilter> views = List.of(FeedbackFilter.ALL,
                new FeedbackFilter(null, Set.of(), Set.of(Priority.P1), null, FeedbackFilter.NOBODY, null),
                new FeedbackFilter(null, Set.of(FeedbackStatus.NEW, FeedbackStatus.ACKNOWLEDGED), Set.of(), null,
                        "alice", null),
                new FeedbackFilter(APP, Set.of(FeedbackStatus.NEW), Set.of(), FeedbackType.SUGGESTION, null, null),
                new FeedbackFilter("cli_other", Set.of(), Set.of(), null, null, null),
                new FeedbackFilter(null, Set.of(), Set.of(), null, null, "详细"),
                new FeedbackFilter(null, Set.of(), Set.of(), null, null, "DARK"),
                FeedbackFilter.ALL);

        assertEquals(Stream.of(3L, 1L, 1L, 1L, 0L, 2L, 1L, 3L).map(MatchCount::exact).toList(),
                store.inbox().counts(views), "a few, each exact");
        assertEquals(views.stream().map(f -> MatchCount.exact(store.inbox().count(f))).toList(),
                store.inbox().counts(views));
        assertEquals(List.of(), store.inbox().counts(List.of()));
    }

    @Test
    void feedbackCanBeListedByAnyOfSeveralStatusesAndPriorities() {
        var fresh = add("ev-1", fault("fb-1", APP, FaultKind.CRASH), FeedbackStatus.NEW, 1);
        var seen = add("ev-2", fault("fb-2", APP, FaultKind.LAG), FeedbackStatus.ACKNOWLEDGED, 2);
        var working = add("ev-3", suggestion("fb-3", APP), FeedbackStatus.IN_PROGRESS, 3);
        add("ev-4", fault("fb-4", APP, FaultKind.CRASH), FeedbackStatus.RESOLVED, 4);
        add("ev-5", fault("fb-5", APP, FaultKind.CRASH), FeedbackStatus.CLOSED, 5);

        assertEquals(List.of(working, seen, fresh),
                allFeedback(new FeedbackFilter(null, FeedbackStatus.OPEN, Set.of(), null, null, null)));
        assertEquals(List.of(seen, fresh), allFeedback(new FeedbackFilter(null,
                Set.of(FeedbackStatus.NEW, FeedbackStatus.ACKNOWLEDGED), Set.of(), null, null, null)));
        assertEquals(List.of(seen, fresh), allFeedback(new FeedbackFilter(null, FeedbackStatus.OPEN,
                Set.of(Priority.P1, Priority.P2), null, null, null)));
    }

    @Test
    void aSearchFindsTheDescriptionsContainingTheTextInAnyCaseChineseIncluded() {
        var chinese = add("ev-1", described("fb-1", "打开小程序后白屏，无法使用"), FeedbackStatus.NEW, 1);
        var english = add("ev-2", described("fb-2", "The Upload button freezes the app"), FeedbackStatus.NEW, 2);
        var both = add("ev-3", described("fb-3", "上传 upload 失败"), FeedbackStatus.NEW, 3);
        add("ev-4", described("fb-4", null), FeedbackStatus.NEW, 4);
        add("ev-5", described("fb-5", "100% of 50_50 fails"), FeedbackStatus.NEW, 5);

        assertEquals(List.of(chinese), allFeedback(search("白屏")));
        assertEquals(List.of(chinese), allFeedback(search("白")), "a single Chinese character");
        assertEquals(List.of(both), allFeedback(search("上传")));
        assertEquals(List.of(both, english), allFeedback(search("UPLOAD")));
        assertEquals(List.of(english), allFeedback(search("upload button")));
        assertEquals(List.of(), allFeedback(search("download")));
        assertEquals(List.of(), allFeedback(search("1%0")), "% is a character to find, not a wildcard");
        assertEquals(List.of(), allFeedback(search("5__5")), "_ is a character to find, not a wildcard");
        assertEquals(List.of(both), allFeedback(new FeedbackFilter(null, Set.of(FeedbackStatus.NEW), Set.of(), null,
                null, "失败")));
    }

    @Test
    void whatAFilterOfAppStatusAndPriorityMatchesIsCountedAsItIsListed() {
        add("ev-1", fault("fb-1", APP, FaultKind.CRASH), FeedbackStatus.NEW, 1);
        add("ev-2", fault("fb-2", APP, FaultKind.LAG), FeedbackStatus.IN_PROGRESS, 2);
        add("ev-3", suggestion("fb-3", APP), FeedbackStatus.CLOSED, 3);
        add("ev-4", fault("fb-4", "cli_other", FaultKind.CRASH), FeedbackStatus.NEW, 4);

        for (FeedbackFilter filter : List.of(FeedbackFilter.ALL,
                new FeedbackFilter(APP, Set.of(), Set.of(), null, null, null),
                new FeedbackFilter(null, FeedbackStatus.OPEN, Set.of(), null, null, null),
                new FeedbackFilter(APP, Set.of(FeedbackStatus.NEW), Set.of(Priority.P1, Priority.P2), null, null, null),
                new FeedbackFilter(null, Set.of(), Set.of(Priority.P4), null, null, null))) {
            assertEquals(allFeedback(filter).size(), store.inbox().count(filter), filter.toString());
        }
        assertEquals(4, store.inbox().count(FeedbackFilter.ALL));
    }

    @Test
    void aSearchFindsCharactersBeyondTheBasicPlaneAndTextAtTheEndOfALongDescription() {
        var emoji = add("ev-1", described("fb-1", "付款后页面😀卡住 Stuck"), FeedbackStatus.NEW, 1);
        var kilobyte = add("ev-2", described("fb-2", "很长的描述。".repeat(150) + "最后一句：结账按钮没反应"),
                FeedbackStatus.NEW, 2);

        assertEquals(List.of(emoji), allFeedback(search("😀卡")));
        assertEquals(List.of(emoji), allFeedback(search("😀")), "a single character written as two Java chars");
        assertEquals(List.of(emoji), allFeedback(search("STUCK")));
        assertEquals(List.of(kilobyte), allFeedback(search("结账按钮")));
        assertEquals(List.of(kilobyte), allFeedback(search("很")));
        assertEquals(List.of(), allFeedback(search("卡住了")), "its pairs are there, not all of it");
        assertEquals(List.of(), allFeedback(search("住卡")), "its characters are there, not in this order");
    }

    @Test
    void byPriorityP1ComesFirstAndEachPriorityNewestFirstAcrossPages() {
        List<TriagedFeedback> added = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            Feedback feedback = switch (i % 3) {
                case 0 -> fault("fb-" + i, APP, FaultKind.CRASH);
                case 1 -> fault("fb-" + i, APP, FaultKind.LAG);
                default -> suggestion("fb-" + i, APP);
            };
            added.add(add("ev-" + (char) ('a' + i), feedback, FeedbackStatus.NEW, i / 2));
        }
        List<TriagedFeedback> expected = new ArrayList<>(added);
        expected.sort(Comparator.comparing((TriagedFeedback f) -> f.triage().priority())
                .thenComparing(TriagedFeedback::meta, NEWEST_FIRST));

        assertEquals(expected, allFeedback(FeedbackFilter.ALL, FeedbackOrder.PRIORITY, 4));
        assertEquals(expected.stream().filter(f -> f.feedback().type() == FeedbackType.FAULT).toList(),
                allFeedback(new FeedbackFilter(null, Set.of(), Set.of(), FeedbackType.FAULT, null, null),
                        FeedbackOrder.PRIORITY, 3));
        String byPriority = store.inbox().list(FeedbackFilter.ALL, FeedbackOrder.PRIORITY, PageRequest.first(2))
                .nextCursor();
        assertThrows(InvalidCursorException.class, () -> store.inbox().list(FeedbackFilter.ALL, FeedbackOrder.NEWEST,
                new PageRequest(2, byPriority)), "a cursor of one order is not one of the other");
    }

    @Test
    void theSummaryCountsEachDayByPriorityTheFaultKindsAndHowLongOpenFeedbackWaits() {
        Instant now = Instant.parse("2024-05-10T12:00:00Z");
        addAt("ev-1", fault("fb-1", APP, FaultKind.CRASH, FaultKind.LAG), FeedbackStatus.NEW,
                Instant.parse("2024-05-10T00:00:00Z"));
        addAt("ev-2", fault("fb-2", APP, FaultKind.CRASH), FeedbackStatus.CLOSED, Instant.parse("2024-05-09T23:59:59Z"));
        addAt("ev-3", suggestion("fb-3", APP), FeedbackStatus.ACKNOWLEDGED, Instant.parse("2024-05-08T10:00:00Z"));
        addAt("ev-4", fault("fb-4", APP, FaultKind.LAG), FeedbackStatus.IN_PROGRESS,
                Instant.parse("2024-04-01T10:00:00Z"));
        addAt("ev-5", fault("fb-5", APP, FaultKind.CRASH), FeedbackStatus.NEW, Instant.parse("2024-05-11T01:00:00Z"));
        addAt("ev-6", fault("fb-6", "cli_other", FaultKind.FREEZE), FeedbackStatus.NEW,
                Instant.parse("2024-05-09T10:00:00Z"));

        InboxSummary summary = store.inbox().summarize(new SummaryWindow(now, 3, APP));

        assertEquals(List.of(LocalDate.parse("2024-05-08"), LocalDate.parse("2024-05-09"), LocalDate.parse("2024-05-10")),
                summary.days().stream().map(InboxSummary.Day::day).toList());
        assertEquals(Map.of(Priority.P1, 0L, Priority.P2, 0L, Priority.P3, 0L, Priority.P4, 1L),
                summary.days().get(0).byPriority());
        assertEquals(1L, summary.days().get(1).byPriority().get(Priority.P1));
        assertEquals(1L, summary.days().get(2).total(), "feedback of a day after now's is not counted");
        assertEquals(Map.of(FaultKind.CRASH, 2L, FaultKind.LAG, 1L), summary.faultKinds(), "fb-4 is before the window");
        assertEquals(Map.of(InboxSummary.Age.UNDER_A_DAY, 1L, InboxSummary.Age.UNDER_A_WEEK, 1L,
                InboxSummary.Age.UNDER_A_MONTH, 0L, InboxSummary.Age.OLDER, 1L), summary.openByAge());
        InboxSummary everyApp = store.inbox().summarize(new SummaryWindow(now, 3));
        assertEquals(2L, everyApp.days().get(1).total(), "another app's feedback counts without the app filter");
        assertEquals(2L, everyApp.openByAge().get(InboxSummary.Age.UNDER_A_WEEK));
    }

    @Test
    void revocationsCanBeListedByAppAndVersion() {
        var a1 = append(revocation("ev-1", "cli_a", "v1", T0));
        var a2 = append(revocation("ev-2", "cli_a", "v2", T0.plusSeconds(1)));
        var b1 = append(revocation("ev-3", "cli_b", "v1", T0.plusSeconds(2)));

        assertEquals(List.of(a2, a1), allRevocations(new RevocationFilter("cli_a", null)));
        assertEquals(List.of(b1, a1), allRevocations(new RevocationFilter(null, "v1")));
        assertEquals(List.of(a2), allRevocations(new RevocationFilter("cli_a", "v2")));
        assertEquals(List.of(), allRevocations(new RevocationFilter("cli_b", "v2")));
        assertEquals(List.of(b1, a2, a1), allRevocations(RevocationFilter.ALL));
    }

    // --- paging --------------------------------------------------------------------------------------------

    @Test
    void pagingThroughTheInboxShowsEveryFeedbackOnceNewestFirst() {
        List<TriagedFeedback> expected = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            // three feedback share each receive time, so the event id has to break ties
            var item = feedback("ev-" + (char) ('a' + (i * 7) % 23), "fb-" + i, T0.plusMillis(i / 3));
            store.inbox().add(item, rawEvent(item.meta().eventId()));
            expected.add(item);
        }
        expected.sort(Comparator.comparing(TriagedFeedback::meta, NEWEST_FIRST));

        List<Page<TriagedFeedback>> pages = pages(cursor -> store.inbox().list(FeedbackFilter.ALL, FeedbackOrder.NEWEST, new PageRequest(5, cursor)));

        assertEquals(expected, pages.stream().flatMap(p -> p.items().stream()).toList());
        assertEquals(List.of(5, 5, 5, 5, 3), pages.stream().map(p -> p.items().size()).toList());
    }

    @Test
    void pagingThroughTheHistoryShowsEveryRevocationOnceNewestFirst() {
        List<RecordedRevocation> expected = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            expected.add(append(revocation("ev-" + (100 - i * 5 % 12), APP, "v" + i, T0.plusSeconds(i % 4))));
        }
        expected.sort(Comparator.comparing(RecordedRevocation::meta, NEWEST_FIRST));

        List<Page<RecordedRevocation>> pages = pages(cursor -> store.history().list(RevocationFilter.ALL, new PageRequest(4, cursor)));

        assertEquals(expected, pages.stream().flatMap(p -> p.items().stream()).toList());
        assertEquals(3, pages.size(), "a full last page has no cursor to an empty page");
    }

    @Test
    void pagingKeepsToTheFilter() {
        List<TriagedFeedback> crashes = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            Feedback feedback = i % 3 == 0 ? suggestion("fb-" + i, APP) : fault("fb-" + i, APP, FaultKind.CRASH);
            var item = add("ev-" + i, feedback, FeedbackStatus.NEW, i);
            if (i % 3 != 0) {
                crashes.add(0, item);
            }
        }
        var filter = new FeedbackFilter(APP, Set.of(), Set.of(Priority.P1), null, null, null);

        List<Page<TriagedFeedback>> pages = pages(cursor -> store.inbox().list(filter, FeedbackOrder.NEWEST, new PageRequest(2, cursor)));

        assertEquals(crashes, pages.stream().flatMap(p -> p.items().stream()).toList());
    }

    @Test
    void anEmptyListingIsOneEmptyPageWithoutCursor() {
        assertEquals(new Page<>(List.of(), null), store.inbox().list(FeedbackFilter.ALL, FeedbackOrder.NEWEST, PageRequest.first(10)));
        assertEquals(new Page<>(List.of(), null), store.history().list(RevocationFilter.ALL, PageRequest.first(10)));
    }

    @Test
    void aCursorTheStoreDidNotMakeIsRefused() {
        for (int i = 0; i < 3; i++) {
            store.inbox().add(feedback("ev-f" + i, "fb-" + i, T0.plusSeconds(i)), rawEvent("ev-f" + i));
            store.history().append(revocation("ev-r" + i, APP, "v" + i, T0.plusSeconds(i)));
        }
        String feedbackCursor = store.inbox().list(FeedbackFilter.ALL, FeedbackOrder.NEWEST, PageRequest.first(1)).nextCursor();
        String revocationCursor = store.history().list(RevocationFilter.ALL, PageRequest.first(1)).nextCursor();
        String notBase64 = "%%%not a cursor%%%";
        String base64Garbage = Base64.getUrlEncoder().encodeToString("hello:world".getBytes(StandardCharsets.UTF_8));

        for (String bad : List.of(notBase64, base64Garbage, "", revocationCursor, feedbackCursor.substring(0, 6))) {
            assertThrows(InvalidCursorException.class,
                    () -> store.inbox().list(FeedbackFilter.ALL, FeedbackOrder.NEWEST, new PageRequest(1, bad)), bad);
        }
        for (String bad : List.of(notBase64, base64Garbage, feedbackCursor)) {
            assertThrows(InvalidCursorException.class,
                    () -> store.history().list(RevocationFilter.ALL, new PageRequest(1, bad)), bad);
        }
    }

    // --- races ---------------------------------------------------------------------------------------------

    @Test
    void eightDeliveriesRacingOverTheSameEventsStoreEachEventOnce() throws Exception {
        List<Callable<Delivery>> events = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String eventId = "ev-" + i;
            Instant at = T0.plusMillis(i);
            if (i % 2 == 0) {
                var item = feedback(eventId, "fb-" + i, at);
                events.add(() -> store.inbox().add(item, rawEvent(eventId)));
            } else {
                var command = revocation(eventId, APP, "v" + i, at);
                events.add(() -> store.history().append(command));
            }
        }
        Map<Integer, AtomicInteger> newCount = new ConcurrentHashMap<>();
        race(8, thread -> {
            List<Integer> order = new ArrayList<>(IntStream.range(0, 200).boxed().toList());
            Collections.shuffle(order, new Random(thread));
            for (int i : order) {
                if (events.get(i).call() == Delivery.NEW) {
                    newCount.computeIfAbsent(i, k -> new AtomicInteger()).incrementAndGet();
                }
            }
            return null;
        });

        assertEquals(200, newCount.size(), "every event stored");
        assertTrue(newCount.values().stream().allMatch(n -> n.get() == 1), "no event NEW twice: " + newCount);
        assertEquals(100, allFeedback(FeedbackFilter.ALL).size());
        assertEquals(100, allRevocations(RevocationFilter.ALL).size());
        for (int i = 0; i < 200; i++) {
            assertEquals(LedgerOutcome.STORED, store.ledger().entry("ev-" + i).orElseThrow().outcome());
        }
    }

    @Test
    void oneFeedbackRacingUnderEightEventIdsIsStoredOnceWithOneLedgerEntry() throws Exception {
        List<Delivery> outcomes = race(8, thread -> store.inbox()
                .add(feedback("ev-" + thread, "fb-1", T0.plusSeconds(thread)), rawEvent("ev-" + thread)));

        assertEquals(1, outcomes.stream().filter(d -> d == Delivery.NEW).count());
        TriagedFeedback stored = store.inbox().find("fb-1").orElseThrow();
        for (int thread = 0; thread < 8; thread++) {
            String eventId = "ev-" + thread;
            assertEquals(eventId.equals(stored.meta().eventId()), store.ledger().entry(eventId).isPresent(), eventId);
        }
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private TriagedFeedback add(String eventId, Feedback feedback, FeedbackStatus status, int second) {
        var item = triaged(meta(eventId, FEEDBACK_CREATED, T0.plusSeconds(second)), feedback, status);
        assertEquals(Delivery.NEW, store.inbox().add(item, rawEvent(eventId)));
        return item;
    }

    private TriagedFeedback addAt(String eventId, Feedback feedback, FeedbackStatus status, Instant receivedAt) {
        var item = triaged(meta(eventId, FEEDBACK_CREATED, receivedAt), feedback, status);
        assertEquals(Delivery.NEW, store.inbox().add(item, rawEvent(eventId)));
        return item;
    }

    private static Feedback described(String feedbackId, String description) {
        return new Feedback(feedbackId, APP, null, UserRef.NONE, FeedbackType.SUGGESTION, List.of(), null, null, null,
                description, null, List.of(), null);
    }

    private static FeedbackFilter search(String text) {
        return new FeedbackFilter(null, Set.of(), Set.of(), null, null, text);
    }

    private RecordedRevocation append(RecordRevocationCommand command) {
        assertEquals(Delivery.NEW, store.history().append(command));
        return new RecordedRevocation(command.meta(), command.revocation());
    }

    private List<TriagedFeedback> allFeedback(FeedbackFilter filter) {
        return allFeedback(filter, FeedbackOrder.NEWEST, PageRequest.MAX_LIMIT);
    }

    private List<TriagedFeedback> allFeedback(FeedbackFilter filter, FeedbackOrder order, int pageSize) {
        return pages(cursor -> store.inbox().list(filter, order, new PageRequest(pageSize, cursor))).stream()
                .flatMap(p -> p.items().stream()).toList();
    }

    private List<RecordedRevocation> allRevocations(RevocationFilter filter) {
        return pages(cursor -> store.history().list(filter, new PageRequest(PageRequest.MAX_LIMIT, cursor))).stream()
                .flatMap(p -> p.items().stream()).toList();
    }

    /** Follows next cursors from the first page to the last. */
    private static <T> List<Page<T>> pages(Function<String, Page<T>> list) {
        List<Page<T>> pages = new ArrayList<>();
        String cursor = null;
        do {
            Page<T> page = list.apply(cursor);
            pages.add(page);
            cursor = page.nextCursor();
            assertTrue(pages.size() <= 1000, "paging does not end");
        } while (cursor != null);
        return pages;
    }

    /** Runs the task on that many threads, released together, and returns each thread's result. */
    static <T> List<T> race(int threads, ThreadTask<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.run(thread);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    interface ThreadTask<T> {
        T run(int thread) throws Exception;
    }
}
