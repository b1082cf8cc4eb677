package dev.larkinbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.larkinbox.inbound.lark.fixtures.LarkFixtures;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The faults an operator meets, played against the packaged jar from outside while a Lark-like sender
 * delivers: whatever was acknowledged is kept, nothing is doubled, and the service takes events again by
 * itself within 15 s. Each prints what it measured.
 */
class CrashIT {
    private static final Path JAR = Path.of("target", "lark-app-inbox.jar");
    private static final int EVENTS = 300;
    private static final int CONCURRENCY = 8;
    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final Map<String, String> ENV = Map.of("INBOX_API_TOKEN", InboxApi.TOKEN,
            "LARK_WEBHOOK_ALLOW_UNVERIFIED", "true");

    @Test
    void afterAKillNineOfTheServiceItStartsAgainOnItsDataWithinFifteenSecondsAndKeepsEveryEventOnce(@TempDir Path dir)
            throws Exception {
        List<String> events = events("kill-service");
        Instant started = Instant.now();
        ServiceProcess service = ServiceProcess.fromJar(JAR, dir, ENV);
        Duration firstStart = Duration.between(started, Instant.now());
        try (LarkSender lark = new LarkSender(List.of(service.uri()), CONCURRENCY)) {
            lark.deliver(events, DEADLINE);
            awaitAcknowledged(lark, EVENTS / 3);

            service.kill();
            Instant killed = Instant.now();
            service = service.startAgain();
            Duration startTook = Duration.between(killed, Instant.now());

            assertTrue(lark.awaitAllTaken(), "every event taken at last: " + lark.refusals());
            System.out.printf("kill -9 of the service: started again and healthy %d ms after the kill (a first "
                    + "start took %d ms); refusals meanwhile %s; its start: %s%n", startTook.toMillis(),
                    firstStart.toMillis(), lark.refusals(), Files.readAllLines(service.log).stream()
                            .filter(l -> l.contains("PostgreSQL")).toList());
            // 15 s on an idle machine; on a loaded one, the crash may cost no more than a cold start does
            Duration allowed = Duration.ofSeconds(15).compareTo(firstStart.multipliedBy(3).dividedBy(2)) > 0
                    ? Duration.ofSeconds(15) : firstStart.multipliedBy(3).dividedBy(2);
            assertTrue(startTook.compareTo(allowed) < 0, "started again in " + startTook + ", allowed " + allowed);
            assertStoredOnce(service.uri(), events);
        } finally {
            service.close();
        }
    }

    @Test
    void afterAKillNineOfTheEmbeddedPostgresTheServiceStoresEventsAgainWithinFifteenSecondsLosingNone(
            @TempDir Path dir) throws Exception {
        List<String> events = events("kill-postgres");
        try (ServiceProcess service = ServiceProcess.fromJar(JAR, dir, ENV);
             LarkSender lark = new LarkSender(List.of(service.uri()), CONCURRENCY)) {
            lark.deliver(events, DEADLINE);
            awaitAcknowledged(lark, EVENTS / 3);
            long postmaster = Long.parseLong(Files.readAllLines(dir.resolve("data/pg/postmaster.pid")).get(0).trim());

            new ProcessBuilder("kill", "-9", String.valueOf(postmaster)).start().waitFor();
            Instant killed = Instant.now();
            // deliveries in flight at the kill may still be answered: count those after them
            int atKill = lark.acknowledged() + CONCURRENCY;
            Awaitility.await("events stored again after the kill").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(20)).until(() -> lark.acknowledged() > atKill);
            Duration outage = Duration.between(killed, Instant.now());

            assertTrue(lark.awaitAllTaken(), "every event taken at last: " + lark.refusals());
            System.out.printf("kill -9 of the embedded PostgreSQL: events stored again %d ms after the kill; "
                    + "refusals meanwhile %s%n", outage.toMillis(), lark.refusals());
            assertTrue(service.process.isAlive(), "the service was not restarted");
            assertTrue(outage.compareTo(Duration.ofSeconds(15)) < 0, "storing again after " + outage);
            assertStoredOnce(service.uri(), events);
        }
    }

    @Test
    void twoInstancesOnOneDatabaseWithEveryEventDeliveredToBothStoreEachOnceWithoutDeadlock(@TempDir Path dir)
            throws Exception {
        List<String> events = events("two-instances");
        try (RestartablePostgres postgres = RestartablePostgres.start()) {
            Map<String, Object> db = postgres.datasource();
            Map<String, String> env = new HashMap<>(postgres.environment());
            env.putAll(Map.of("INBOX_API_TOKEN", InboxApi.TOKEN, "LARK_WEBHOOK_ALLOW_UNVERIFIED", "true"));
            Files.createDirectories(dir.resolve("a"));
            Files.createDirectories(dir.resolve("b"));
            try (ServiceProcess a = ServiceProcess.fromJar(JAR, dir.resolve("a"), env);
                 ServiceProcess b = ServiceProcess.fromJar(JAR, dir.resolve("b"), env);
                 LarkSender lark = new LarkSender(List.of(a.uri(), b.uri()), CONCURRENCY)) {
                lark.deliver(events, DEADLINE);

                assertTrue(lark.awaitAllTaken(), "every event taken: " + lark.refusals());
                long deadlocks = deadlocks(db);
                System.out.printf("two instances, every event to both: refusals %s, deadlocks %d%n",
                        lark.refusals(), deadlocks);
                assertEquals(0, deadlocks, "deadlocks the database detected");
                assertStoredOnce(a.uri(), events);
            }
        }
    }

    private static List<String> events(String run) {
        return IntStream.range(0, EVENTS).mapToObj(i -> LarkFixtures.feedback("ev-" + run + "-" + i, "fb-" + run + "-" + i))
                .toList();
    }

    private static void awaitAcknowledged(LarkSender lark, int count) {
        Awaitility.await("acknowledged " + count).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
                .until(() -> lark.acknowledged() >= count);
    }

    private static void assertStoredOnce(URI service, List<String> events) {
        List<JsonObject> stored = new InboxApi(service).all("/api/feedback", "");
        Set<String> ids = stored.stream().map(item -> item.get("feedback_id").getAsString()).collect(Collectors.toSet());
        assertEquals(events.size(), stored.size(), "stored items");
        assertEquals(events.size(), ids.size(), "distinct feedback");
    }

    private static long deadlocks(Map<String, Object> db) throws Exception {
        try (Connection c = DriverManager.getConnection(db.get("datasources.default.url").toString(),
                db.get("datasources.default.username").toString(), db.get("datasources.default.password").toString());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT coalesce(sum(deadlocks), 0) FROM pg_stat_database")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
