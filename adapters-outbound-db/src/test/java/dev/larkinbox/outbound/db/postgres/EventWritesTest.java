package dev.larkinbox.outbound.db.postgres;

import static dev.larkinbox.domain.testing.SampleEvents.APP;
import static dev.larkinbox.domain.testing.SampleEvents.T0;
import static dev.larkinbox.domain.testing.SampleEvents.feedback;
import static dev.larkinbox.domain.testing.SampleEvents.rawEvent;
import static dev.larkinbox.domain.testing.SampleEvents.revocation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.event.Delivery;
import dev.larkinbox.domain.event.StorageUnavailableException;
import dev.larkinbox.domain.event.UnstorableEventException;
import dev.larkinbox.domain.paging.PageRequest;
import dev.larkinbox.domain.revocation.RevocationFilter;
import dev.larkinbox.domain.testing.StorePorts;
import dev.larkinbox.outbound.db.PostgresTestDatabase;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Group commit, observed by holding the committer in a transaction while other writes queue up behind it:
 * those then go in the next transaction together.
 */
class EventWritesTest {
    private final EventWrites writes = PostgresTestDatabase.context().getBean(EventWrites.class);
    private final JdbcOperations jdbc = PostgresTestDatabase.context().getBean(JdbcOperations.class);
    private final ExecutorService callers = Executors.newFixedThreadPool(16);
    private final CountDownLatch release = new CountDownLatch(1);
    private StorePorts store;
    private int revocationsQueued;

    @BeforeEach
    void emptyStore() {
        store = PostgresTestDatabase.emptyStore();
    }

    @AfterEach
    void stopCallers() {
        release.countDown();
        callers.shutdownNow();
    }

    @Test
    void writesThatQueueWhileATransactionCommitsShareTheNextOne() throws Exception {
        Future<Long> blocker = holdCommitter();
        List<Future<Long>> queued = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            String id = "ev-" + i;
            queued.add(callers.submit(() -> {
                long[] transaction = new long[1];
                writes.commit(id, () -> {
                    transaction[0] = currentTransaction();
                    return Delivery.NEW;
                });
                return transaction[0];
            }));
        }
        awaitWaiting(15);
        release.countDown();

        long first = blocker.get(10, TimeUnit.SECONDS);
        List<Long> transactions = new ArrayList<>();
        for (Future<Long> f : queued) {
            transactions.add(f.get(10, TimeUnit.SECONDS));
        }
        assertEquals(1, transactions.stream().distinct().count(), "one transaction for all: " + transactions);
        assertNotEquals(first, transactions.get(0));
    }

    @Test
    void aWriteWhoseValuesTheDatabaseRefusesFailsAloneAndTheOthersOfItsTransactionCommit() throws Exception {
        Future<Long> blocker = holdCommitter();
        List<Future<Delivery>> revocations = queueRevocations(5);
        // a data exception (22012), as a value out of a column's range would raise
        Future<Delivery> refused = callers.submit(() -> writes.commit("ev-refused", () -> {
            jdbc.prepareStatement("SELECT 1/0", statement -> statement.execute());
            return Delivery.NEW;
        }));
        revocations.addAll(queueRevocations(5));
        awaitWaiting(11);
        release.countDown();
        blocker.get(10, TimeUnit.SECONDS);

        ExecutionException e = assertThrows(ExecutionException.class, () -> refused.get(10, TimeUnit.SECONDS));
        assertInstanceOf(UnstorableEventException.class, e.getCause());
        assertTrue(e.getCause().getMessage().contains("22012"), e.getCause().getMessage());
        for (Future<Delivery> revocation : revocations) {
            assertEquals(Delivery.NEW, revocation.get(10, TimeUnit.SECONDS));
        }
        assertEquals(10, store.history().list(RevocationFilter.ALL, PageRequest.first(20)).items().size());
    }

    @Test
    void whenTheDatabaseFailsEveryWriteOfTheTransactionFailsAsUnavailableAndNoneIsStored() throws Exception {
        Future<Long> blocker = holdCommitter();
        List<Future<Delivery>> revocations = queueRevocations(10);
        // a statement timeout (57014): the database is there but not answering in time, nobody's values are at fault
        Future<Delivery> failing = callers.submit(() -> writes.commit("ev-failing", () -> {
            jdbc.prepareStatement("SET LOCAL statement_timeout = 1", statement -> statement.execute());
            jdbc.prepareStatement("SELECT pg_sleep(1)", statement -> statement.execute());
            return Delivery.NEW;
        }));
        awaitWaiting(11);
        release.countDown();
        blocker.get(10, TimeUnit.SECONDS);

        assertUnavailable(failing);
        for (Future<Delivery> revocation : revocations) {
            assertUnavailable(revocation);
        }
        assertEquals(List.of(), store.history().list(RevocationFilter.ALL, PageRequest.first(10)).items());
        for (int i = 0; i < 10; i++) {
            assertEquals(Optional.empty(), store.ledger().entry("ev-" + i));
        }
    }

    @Test
    void duplicatesInsideOneTransactionAreFoundLikeAnyOther() throws Exception {
        Future<Long> blocker = holdCommitter();
        Map<String, Future<Delivery>> sameFeedback = Map.of(
                "ev-1", submit(() -> store.inbox().add(feedback("ev-1", "fb-1", T0), rawEvent("ev-1"))),
                "ev-1 again", submit(() -> store.inbox().add(feedback("ev-1", "fb-1", T0), rawEvent("ev-1"))),
                "ev-2", submit(() -> store.inbox().add(feedback("ev-2", "fb-1", T0), rawEvent("ev-2"))));
        List<Future<Delivery>> sameRevocation = List.of(
                submit(() -> store.history().append(revocation("ev-9", APP, "v", T0))),
                submit(() -> store.history().append(revocation("ev-9", APP, "v", T0))));
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
        assertEquals(1, store.history().list(RevocationFilter.ALL, PageRequest.first(10)).items().size());
    }

    private List<Future<Delivery>> queueRevocations(int count) {
        List<Future<Delivery>> queued = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            var command = revocation("ev-" + revocationsQueued, APP, "v" + revocationsQueued++, T0);
            queued.add(callers.submit(() -> store.history().append(command)));
        }
        return queued;
    }

    @Test
    void writesOfOneTransactionRunInTheOrderOfTheirEventIdsSoTwoInstancesCannotDeadlock() throws Exception {
        Future<Long> blocker = holdCommitter();
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        List<Future<Delivery>> queued = new ArrayList<>();
        for (String id : List.of("ev-c", "ev-a", "ev-d", "ev-b")) {
            queued.add(callers.submit(() -> writes.commit(id, () -> {
                ran.add(id);
                return Delivery.NEW;
            })));
            awaitWaiting(queued.size());
        }
        release.countDown();
        blocker.get(10, TimeUnit.SECONDS);
        for (Future<Delivery> f : queued) {
            f.get(10, TimeUnit.SECONDS);
        }

        assertEquals(List.of("ev-a", "ev-b", "ev-c", "ev-d"), ran);
    }

    @Test
    void anErrorInTheCommitterFailsItsTransactionAndLaterEventsStillCommit() throws Exception {
        StorageUnavailableException e = assertThrows(StorageUnavailableException.class,
                () -> writes.commit("ev-error", () -> {
                    throw new StackOverflowError("injected");
                }));

        assertTrue(e.getMessage().contains("StackOverflowError"), e.getMessage());
        assertTrue(writes.running(), "the committer still runs");
        assertEquals(Delivery.NEW, store.history().append(revocation("ev-after", APP, "v", T0)));
        assertTrue(store.ledger().entry("ev-after").isPresent());
    }

    @Test
    void aWriteWhoseCallerWasAnsweredUnavailableIsNotRunLater() throws Exception {
        holdCommitter();
        AtomicBoolean ran = new AtomicBoolean();
        long asked = System.nanoTime();

        StorageUnavailableException e = assertThrows(StorageUnavailableException.class,
                () -> writes.commit("ev-late", () -> {
                    ran.set(true);
                    return Delivery.NEW;
                }));
        long waitedMillis = (System.nanoTime() - asked) / 1_000_000;
        release.countDown();
        // the blocker itself outwaited its caller: what matters is that the next write runs, and the late not
        assertEquals(Delivery.NEW, store.history().append(revocation("ev-next", APP, "v", T0)));

        assertTrue(e.getMessage().contains("no commit within"), e.getMessage());
        assertTrue(waitedMillis < 3000, "answered within Lark's 3 s: " + waitedMillis + " ms");
        assertFalse(ran.get(), "the abandoned write was not run behind the live one");
    }

    @Test
    void whenTooManyEventsWaitTheNextIsAnsweredUnavailableAtOnce() throws Exception {
        EventWrites small = new EventWrites(PostgresTestDatabase.context().getBean(
                TransactionOperations.class), new GroupCommitConfig(64, Duration.ofSeconds(5), 2));
        small.start();
        try {
            CountDownLatch holding = new CountDownLatch(1);
            callers.submit(() -> small.commit("ev-hold", () -> {
                holding.countDown();
                awaitUninterruptibly(release);
                return Delivery.NEW;
            }));
            assertTrue(holding.await(10, TimeUnit.SECONDS));
            callers.submit(() -> small.commit("ev-1", () -> Delivery.NEW));
            callers.submit(() -> small.commit("ev-2", () -> Delivery.NEW));
            for (int i = 0; i < 1000 && small.waiting() < 2; i++) {
                Thread.sleep(10);
            }
            long asked = System.nanoTime();

            StorageUnavailableException e = assertThrows(
                    StorageUnavailableException.class, () -> small.commit("ev-3", () -> Delivery.NEW));

            assertTrue((System.nanoTime() - asked) / 1_000_000 < 500, "answered at once");
            assertTrue(e.getMessage().contains("2 events already wait"), e.getMessage());
        } finally {
            release.countDown();
            small.stop();
        }
    }

    /** Starts a write that keeps the committer in its transaction until {@link #release} opens. */
    private Future<Long> holdCommitter() throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(1);
        Future<Long> blocker = callers.submit(() -> {
            long[] transaction = new long[1];
            writes.commit("ev-blocker", () -> {
                transaction[0] = currentTransaction();
                holding.countDown();
                awaitUninterruptibly(release);
                return Delivery.NEW;
            });
            return transaction[0];
        });
        assertTrue(holding.await(10, TimeUnit.SECONDS), "the committer took the first write");
        return blocker;
    }

    private Future<Delivery> submit(Callable<Delivery> call) {
        return callers.submit(call);
    }

    private void awaitWaiting(int count) throws InterruptedException {
        for (int i = 0; i < 1000 && writes.waiting() < count; i++) {
            Thread.sleep(10);
        }
        assertEquals(count, writes.waiting());
    }

    private long currentTransaction() {
        return jdbc.prepareStatement("SELECT txid_current()", statement -> {
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
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
