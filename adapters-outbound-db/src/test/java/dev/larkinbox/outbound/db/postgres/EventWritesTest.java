package dev.larkinbox.outbound.db.postgres;

import static dev.larkinbox.domain.testing.SampleEvents.APP;
import static dev.larkinbox.domain.testing.SampleEvents.T0;
import static dev.larkinbox.domain.testing.SampleEvents.applied;
import static dev.larkinbox.domain.testing.SampleEvents.feedback;
import static dev.larkinbox.domain.testing.SampleEvents.rawEvent;
import static dev.larkinbox.domain.testing.SampleEvents.revocation;
import static dev.larkinbox.domain.testing.SampleEvents.unhandled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.event.Delivery;
import dev.larkinbox.domain.event.StorageUnavailableException;
import dev.larkinbox.domain.event.UnstorableEventException;
import dev.larkinbox.domain.ledger.LedgerOutcome;
import dev.larkinbox.domain.paging.PageRequest;
import dev.larkinbox.domain.revocation.RevocationFilter;
import dev.larkinbox.domain.testing.StorePorts;
import dev.larkinbox.outbound.db.PostgresTestDatabase;
import dev.larkinbox.outbound.db.inbox.FeedbackRow;
import dev.larkinbox.outbound.db.ledger.LedgerRow;
import dev.larkinbox.outbound.db.revocation.RevocationRow;
import dev.larkinbox.outbound.db.version.VersionEventRow;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Group commit, observed by holding a committer in its transaction (before it writes the batch that holds
 * {@value #BLOCKER}) while other writes queue up behind it: those then go in the next transaction together.
 */
class EventWritesTest {
    private static final String BLOCKER = "ev-blocker";

    private final TransactionOperations<?> transactions = PostgresTestDatabase.context()
            .getBean(TransactionOperations.class);
    private final EventBatch statements = PostgresTestDatabase.context().getBean(EventBatch.class);
    private final ExecutorService callers = Executors.newFixedThreadPool(16);
    private final CountDownLatch holding = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    /** The event ids of each batch written, in the order given to the statements. */
    private final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
    private final List<EventWrites> started = new ArrayList<>();
    private StorePorts store;
    private EventWrites writes;
    private int revocationsQueued;

    @BeforeEach
    void emptyStore() {
        store = PostgresTestDatabase.emptyStore();
        writes = started(new GroupCommitConfig(64, Duration.ofSeconds(10), 1024, 1));
    }

    @AfterEach
    void stop() throws InterruptedException {
        release.countDown();
        callers.shutdownNow();
        for (EventWrites w : started) {
            w.stop();
        }
    }

    @Test
    void writesThatQueueWhileATransactionCommitsShareTheNextOne() throws Exception {
        Future<Delivery> blocker = holdCommitter();
        List<Future<Delivery>> queued = queueRevocations(15);
        awaitWaiting(15);
        release.countDown();

        assertEquals(Delivery.NEW, blocker.get(10, TimeUnit.SECONDS));
        for (Future<Delivery> f : queued) {
            assertEquals(Delivery.NEW, f.get(10, TimeUnit.SECONDS));
        }
        List<String> transactions = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            transactions.add(transactionOf("ev-" + i));
        }
        assertEquals(1, transactions.stream().distinct().count(), "one transaction for all: " + transactions);
        assertNotEquals(transactionOf(BLOCKER), transactions.get(0));
    }

    @Test
    void whileOneTransactionIsUnderWayASecondCommitterCommitsTheNextEventsOnceHalfABatchWaits() throws Exception {
        writes = started(new GroupCommitConfig(8, Duration.ofSeconds(10), 1024, 2));
        Future<Delivery> blocker = holdCommitter();

        for (Future<Delivery> f : queueRevocations(4)) {
            assertEquals(Delivery.NEW, f.get(10, TimeUnit.SECONDS));
        }
        assertFalse(blocker.isDone(), "committed while the first transaction was still under way");
        release.countDown();
        assertEquals(Delivery.NEW, blocker.get(10, TimeUnit.SECONDS));
        assertEquals(5, store.history().list(RevocationFilter.ALL, PageRequest.first(10)).items().size());
    }

    @Test
    void whatWaitsOnAWriteAnsweredDoesNotHoldUpTheNextTransaction() throws Exception {
        writes = started(new GroupCommitConfig(8, Duration.ofSeconds(10), 1024, 2));
        CompletableFuture<Delivery> blocker = writes.submit(revocationWrite(BLOCKER, "v"));
        assertTrue(holding.await(10, TimeUnit.SECONDS), "the committer took the first write");
        // what waits on the answer (a request's response) runs on that committer's thread, and takes its time
        CountDownLatch answered = new CountDownLatch(1);
        CompletableFuture<Void> slowAnswer = blocker.thenRun(() -> awaitUninterruptibly(answered));
        release.countDown();

        Future<Delivery> next = submit(revocationWrite("ev-next", "v1"));
        assertEquals(Delivery.NEW, next.get(5, TimeUnit.SECONDS),
                "the next write waited for the answers of the transaction before it");
        answered.countDown();
        slowAnswer.get(10, TimeUnit.SECONDS);
    }

    @Test
    void fewerThanHalfABatchWaitForTheTransactionUnderWayAndGoTogetherInTheNext() throws Exception {
        writes = started(new GroupCommitConfig(8, Duration.ofSeconds(10), 1024, 2));
        holdCommitter();
        List<Future<Delivery>> few = queueRevocations(3);
        // none commits on its own: still none after 300 ms
        Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1))
                .until(() -> few.stream().noneMatch(Future::isDone));

        release.countDown();
        for (Future<Delivery> f : few) {
            assertEquals(Delivery.NEW, f.get(10, TimeUnit.SECONDS));
        }
        assertEquals(List.of(List.of(BLOCKER), List.of("ev-0", "ev-1", "ev-2")), batches);
    }

    @Test
    void aWriteWhoseValuesTheDatabaseRefusesFailsAloneAndTheOthersOfItsTransactionCommit() throws Exception {
        Future<Delivery> blocker = holdCommitter();
        List<Future<Delivery>> revocations = queueRevocations(5);
        // an outcome the ledger's check constraint refuses (23514), as any value out of a column's range would be
        LedgerRow refusedEntry = new LedgerRow("ev-refused", "t", null, null, "webhook", null, T0, "bogus", null, null);
        Future<Delivery> refused = callers.submit(() -> writes.commit(EventWrite.entry(refusedEntry)));
        revocations.addAll(queueRevocations(5));
        awaitWaiting(11);
        release.countDown();
        blocker.get(10, TimeUnit.SECONDS);

        ExecutionException e = assertThrows(ExecutionException.class, () -> refused.get(10, TimeUnit.SECONDS));
        assertInstanceOf(UnstorableEventException.class, e.getCause());
        assertTrue(e.getCause().getMessage().contains("23514"), e.getCause().getMessage());
        for (Future<Delivery> revocation : revocations) {
            assertEquals(Delivery.NEW, revocation.get(10, TimeUnit.SECONDS));
        }
        assertEquals(11, store.history().list(RevocationFilter.ALL, PageRequest.first(20)).items().size(),
                "the blocker and the ten");
        assertEquals(Optional.empty(), store.ledger().entry("ev-refused"));
    }

    @Test
    void whenTheDatabaseFailsEveryWriteOfTheTransactionFailsAsUnavailableAndNoneIsStored() throws Exception {
        try (Connection other = connection()) {
            // another transaction holds the ledger row of one event: the batch waits for it until the server's
            // statement timeout (57014) cancels it; nobody's values are at fault
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("INSERT INTO event_ledger (event_id, event_type,"
                    + " transport, received_at, outcome) VALUES ('ev-failing', 't', 'webhook', now(), 'stored')")) {
                lock.executeUpdate();
            }
            Future<Delivery> blocker = holdCommitter();
            List<Future<Delivery>> revocations = queueRevocations(10);
            Future<Delivery> failing = callers.submit(() -> writes.commit(revocationWrite("ev-failing", "v")));
            awaitWaiting(11);
            release.countDown();
            blocker.get(10, TimeUnit.SECONDS);

            assertUnavailable(failing);
            for (Future<Delivery> revocation : revocations) {
                assertUnavailable(revocation);
            }
            other.rollback();
        }
        assertEquals(List.of(), store.history().list(RevocationFilter.ALL, PageRequest.first(20)).items()
                .stream().filter(r -> !r.meta().eventId().equals(BLOCKER)).toList());
        for (int i = 0; i < 10; i++) {
            assertEquals(Optional.empty(), store.ledger().entry("ev-" + i));
        }
    }

    @Test
    void duplicatesInsideOneTransactionAreFoundLikeAnyOther() throws Exception {
        Future<Delivery> blocker = holdCommitter();
        Map<String, Future<Delivery>> sameFeedback = Map.of(
                "ev-1", submit(feedbackWrite("ev-1", "fb-1")),
                "ev-1 again", submit(feedbackWrite("ev-1", "fb-1")),
                "ev-2", submit(feedbackWrite("ev-2", "fb-1")));
        List<Future<Delivery>> sameRevocation = List.of(
                submit(revocationWrite("ev-9", "v")), submit(revocationWrite("ev-9", "v")));
        awaitWaiting(5);
        release.countDown();
        blocker.get(10, TimeUnit.SECONDS);

        List<String> newFeedbackEvents = new ArrayList<>();
        for (var delivery : sameFeedback.entrySet()) {
            if (delivery.getValue().get(10, TimeUnit.SECONDS) == Delivery.NEW) {
                newFeedbackEvents.add(delivery.getKey());
            }
        }
        assertEquals(1, newFeedbackEvents.size(), "stored once: " + newFeedbackEvents);
        String storedUnder = store.inbox().find("fb-1").orElseThrow().meta().eventId();
        assertTrue(newFeedbackEvents.get(0).startsWith(storedUnder));
        String otherEvent = storedUnder.equals("ev-1") ? "ev-2" : "ev-1";
        assertEquals(Optional.empty(), store.ledger().entry(otherEvent), "the duplicate leaves no entry");
        assertEquals(1, sameRevocation.stream().filter(f -> get(f) == Delivery.NEW).count());
        assertEquals(2, store.history().list(RevocationFilter.ALL, PageRequest.first(10)).items().size(),
                "the blocker and ev-9 once");
        assertEquals(1, batches.stream().filter(b -> b.contains("ev-9")).count(), "all in one transaction");
    }

    @Test
    void everyKindOfWriteSharingOneTransactionIsStoredAndAnsweredAsIfAlone() throws Exception {
        PostgresTestDatabase.execute(PostgresTestDatabase.context(),
                "INSERT INTO event_ledger (event_id, event_type, transport, received_at, outcome)"
                        + " VALUES ('ev-status', 'status', 'webhook', now(), 'stored'), ('ev-taken', 'x', 'webhook',"
                        + " now(), 'stored');"
                        + " INSERT INTO awaited_lark_status VALUES ('fb-awaited', 'ev-status', 2, now())");
        Future<Delivery> blocker = holdCommitter();
        var announced = feedback("ev-card", "fb-card", T0);
        CompletableFuture<StoredWrite> card = writes.submitStored(EventWrite.feedback(
                LedgerRow.stored(announced.meta()), FeedbackRow.of(announced, rawEvent("ev-card")), true));
        CompletableFuture<StoredWrite> awaited = writes.submitStored(feedbackWrite("ev-awaited", "fb-awaited"));
        CompletableFuture<StoredWrite> revoked = writes.submitStored(revocationWrite("ev-revoked", "v1"));
        var step = applied("ev-applied", APP, "oav_2", "2.0.0", T0);
        CompletableFuture<StoredWrite> applied = writes.submitStored(
                EventWrite.version(LedgerRow.stored(step.meta()), VersionEventRow.of(step)));
        var odd = unhandled("ev-odd", LedgerOutcome.IGNORED, T0);
        CompletableFuture<StoredWrite> ignored = writes.submitStored(EventWrite.entry(
                LedgerRow.of(odd.meta(), odd.outcome(), odd.problem(), odd.rawEvent())));
        CompletableFuture<StoredWrite> conflict = writes.submitStored(EventWrite.conflict(
                new EventWrite.Conflict("ev-taken", "webhook", T0, "{\"other\":1}")));
        awaitWaiting(6);
        release.countDown();
        blocker.get(10, TimeUnit.SECONDS);

        assertEquals(new StoredWrite(Delivery.NEW, false), card.get(10, TimeUnit.SECONDS));
        assertEquals(new StoredWrite(Delivery.NEW, true), awaited.get(10, TimeUnit.SECONDS), "its status waits");
        assertEquals(new StoredWrite(Delivery.NEW, false), revoked.get(10, TimeUnit.SECONDS));
        assertEquals(new StoredWrite(Delivery.NEW, false), applied.get(10, TimeUnit.SECONDS));
        assertEquals(new StoredWrite(Delivery.NEW, false), ignored.get(10, TimeUnit.SECONDS));
        assertEquals(new StoredWrite(Delivery.CONFLICT, false), conflict.get(10, TimeUnit.SECONDS));
        assertEquals(2, batches.size(), "the blocker's transaction, then one for all six: " + batches);
        assertEquals("fb-card", PostgresTestDatabase.queryText(
                "SELECT string_agg(feedback_id, ',') FROM card_outbox WHERE kind = 'post'"), "a card for it only");
        assertEquals("fb-awaited", store.inbox().find("fb-awaited").orElseThrow().feedback().feedbackId());
        assertEquals("1", PostgresTestDatabase.queryText(
                "SELECT count(*) FROM revocation WHERE event_id = 'ev-revoked'"));
        assertEquals("2.0.0", PostgresTestDatabase.queryText(
                "SELECT version FROM version_event WHERE event_id = 'ev-applied'"));
        assertEquals("ignored", PostgresTestDatabase.queryText(
                "SELECT outcome FROM event_ledger WHERE event_id = 'ev-odd'"));
        assertEquals("{\"other\":1}", PostgresTestDatabase.queryText(
                "SELECT raw_event FROM event_conflict WHERE event_id = 'ev-taken'"));
    }

    @Test
    void theLargestBatchAllowedIsStoredInItsOneStatement() {
        List<EventWrite> largest = new ArrayList<>();
        for (int i = 0; i < 800; i++) {
            largest.add(feedbackWrite("ev-" + i, "fb-" + i));
        }

        List<StoredWrite> stored = connections().executeWrite(
                status -> statements.store(status.getConnection(), largest));

        assertEquals(800, stored.stream().filter(w -> w.delivery() == Delivery.NEW).count());
        assertEquals("800", PostgresTestDatabase.queryText("SELECT count(*) FROM feedback"));
    }

    @Test
    void writesOfOneTransactionRunInTheOrderOfTheirEventIdsSoTwoInstancesCannotDeadlock() throws Exception {
        Future<Delivery> blocker = holdCommitter();
        List<Future<Delivery>> queued = new ArrayList<>();
        for (String id : List.of("ev-c", "ev-a", "ev-d", "ev-b")) {
            queued.add(submit(revocationWrite(id, id)));
            awaitWaiting(queued.size());
        }
        release.countDown();
        blocker.get(10, TimeUnit.SECONDS);
        for (Future<Delivery> f : queued) {
            f.get(10, TimeUnit.SECONDS);
        }

        assertEquals(List.of(List.of(BLOCKER), List.of("ev-a", "ev-b", "ev-c", "ev-d")), batches);
    }

    @Test
    void anErrorInTheCommitterFailsItsTransactionAndLaterEventsStillCommit() {
        EventWrites failing = new EventWrites(connections(), (connection, batch) -> {
            if (batch.stream().anyMatch(w -> w.eventId().equals("ev-error"))) {
                throw new StackOverflowError("injected");
            }
            return statements.store(connection, batch);
        }, new GroupCommitConfig(64, Duration.ofSeconds(10), 1024, 1), null);
        failing.start();
        started.add(failing);

        StorageUnavailableException e = assertThrows(StorageUnavailableException.class,
                () -> failing.commit(revocationWrite("ev-error", "v")));

        assertTrue(e.getMessage().contains("StackOverflowError"), e.getMessage());
        assertTrue(failing.running(), "the committer still runs");
        assertEquals(Delivery.NEW, failing.commit(revocationWrite("ev-after", "v")));
        assertTrue(store.ledger().entry("ev-after").isPresent());
        assertEquals(Optional.empty(), store.ledger().entry("ev-error"));
    }

    @Test
    void aWriteWhoseCallerWasAnsweredUnavailableIsNotRunLater() throws Exception {
        EventWrites impatient = started(new GroupCommitConfig(64, Duration.ofSeconds(1), 1024, 1));
        callers.submit(() -> impatient.commit(revocationWrite(BLOCKER, "v")));
        assertTrue(holding.await(10, TimeUnit.SECONDS), "the committer took the first write");
        long asked = System.nanoTime();

        StorageUnavailableException e = assertThrows(StorageUnavailableException.class,
                () -> impatient.commit(revocationWrite("ev-late", "v")));
        long waitedMillis = (System.nanoTime() - asked) / 1_000_000;
        release.countDown();
        // the blocker itself outwaited its caller: what matters is that the next write runs, and the late not
        assertEquals(Delivery.NEW, impatient.commit(revocationWrite("ev-next", "v")));

        assertTrue(e.getMessage().contains("no commit within"), e.getMessage());
        assertTrue(waitedMillis < 3000, "answered within Lark's 3 s: " + waitedMillis + " ms");
        assertFalse(batches.stream().anyMatch(b -> b.contains("ev-late")), "the abandoned write was not run");
        assertEquals(Optional.empty(), store.ledger().entry("ev-late"));
    }

    @Test
    void whenTooManyEventsWaitTheNextIsAnsweredUnavailableAtOnce() throws Exception {
        EventWrites small = started(new GroupCommitConfig(64, Duration.ofSeconds(5), 2, 1));
        callers.submit(() -> small.commit(revocationWrite(BLOCKER, "v")));
        assertTrue(holding.await(10, TimeUnit.SECONDS));
        callers.submit(() -> small.commit(revocationWrite("ev-1", "v")));
        callers.submit(() -> small.commit(revocationWrite("ev-2", "v")));
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                .until(() -> small.waiting() >= 2);
        long asked = System.nanoTime();

        StorageUnavailableException e = assertThrows(
                StorageUnavailableException.class, () -> small.commit(revocationWrite("ev-3", "v")));

        assertTrue((System.nanoTime() - asked) / 1_000_000 < 500, "answered at once");
        assertTrue(e.getMessage().contains("2 events already wait"), e.getMessage());
    }

    /** Group commit on the real statements, whose committer waits for {@link #release} with the blocker's batch. */
    private EventWrites started(GroupCommitConfig config) {
        EventWrites w = new EventWrites(connections(), (connection, batch) -> {
            List<String> ids = batch.stream().map(EventWrite::eventId).toList();
            batches.add(ids);
            if (ids.contains(BLOCKER)) {
                holding.countDown();
                awaitUninterruptibly(release);
            }
            return statements.store(connection, batch);
        }, config, null);
        w.start();
        started.add(w);
        return w;
    }

    @SuppressWarnings("unchecked")
    private TransactionOperations<Connection> connections() {
        return (TransactionOperations<Connection>) transactions;
    }

    private Future<Delivery> holdCommitter() throws InterruptedException {
        Future<Delivery> blocker = submit(revocationWrite(BLOCKER, "v"));
        assertTrue(holding.await(10, TimeUnit.SECONDS), "the committer took the first write");
        return blocker;
    }

    private List<Future<Delivery>> queueRevocations(int count) {
        List<Future<Delivery>> queued = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            queued.add(submit(revocationWrite("ev-" + revocationsQueued, "v" + revocationsQueued++)));
        }
        return queued;
    }

    private static EventWrite revocationWrite(String eventId, String version) {
        var command = revocation(eventId, APP, version, T0);
        return EventWrite.revocation(LedgerRow.stored(command.meta()), RevocationRow.of(command));
    }

    private static EventWrite feedbackWrite(String eventId, String feedbackId) {
        var item = feedback(eventId, feedbackId, T0);
        return EventWrite.feedback(LedgerRow.stored(item.meta()), FeedbackRow.of(item, rawEvent(eventId)), false);
    }

    private Future<Delivery> submit(EventWrite write) {
        return callers.submit(() -> writes.commit(write));
    }

    private void awaitWaiting(int count) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                .until(() -> writes.waiting() >= count);
        assertEquals(count, writes.waiting());
    }

    private static String transactionOf(String eventId) {
        return PostgresTestDatabase.queryText("SELECT xmin::text FROM event_ledger WHERE event_id = ?", eventId);
    }

    private static Connection connection() throws java.sql.SQLException {
        return DelegatingDataSource.unwrapDataSource(PostgresTestDatabase.context().getBean(DataSource.class))
                .getConnection();
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Delivery get(Future<Delivery> future) {
        try {
            return future.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void assertUnavailable(Future<Delivery> future) throws Exception {
        try {
            future.get(10, TimeUnit.SECONDS);
            throw new AssertionError("expected the write to fail");
        } catch (ExecutionException e) {
            assertInstanceOf(StorageUnavailableException.class, e.getCause());
        }
    }
}
