package dev.larkinbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.larkinbox.inbound.lark.fixtures.LarkFixtures;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.sql.DataSource;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The seed events with their values mutated (types, sizes, ranges, encodings), each posted as a verified event
 * to the whole service on PostgreSQL, twice: the database being up, no verified event is ever answered 5xx, the
 * second answer repeats the first one's (as a duplicate), and what is stored is the raw event as received (less its
 * verification token), with its columns read from it.
 */
class MutatedEventsTest {
    private static final List<String> SEEDS = List.of(LarkFixtures.FEEDBACK_CREATED, LarkFixtures.FEEDBACK_UPDATED,
            LarkFixtures.PUBLISH_REVOKE);
    private static final List<String> HEADER_FIELDS = List.of("event_id", "create_time", "app_id", "tenant_key",
            "event_type");
    private static final List<String> EVENT_FIELDS = List.of("feedback_id", "app_id", "tenant_name", "feedback_type",
            "fault_type", "fault_time", "feedback_time", "source", "contact", "description", "images",
            "feedback_path", "user_id", "feedback_ids", "status", "version_id", "operator_id", "creator_id");
    private static final AtomicLong EVENTS = new AtomicLong();

    private static RunningInbox inbox;

    @BeforeContainer
    static void start() {
        inbox = SharedInbox.tokenOnly(); // verifies Lark's events by the fixtures' token alone
    }

    @Property(tries = 250)
    void aVerifiedEventIsAnsweredOnceAndForAllAndStoredAsItCame(@ForAll("mutatedEvents") String event) {
        HttpResponse<String> first = post(event);
        HttpResponse<String> again = post(event);

        JsonObject header = JsonParser.parseString(event).getAsJsonObject().getAsJsonObject("header");
        if (!isEvent(header)) {
            assertEquals(400, first.statusCode(), first.body());
            assertEquals(400, again.statusCode(), again.body());
            return;
        }
        assertEquals(200, first.statusCode(), first.body());
        assertEquals(200, again.statusCode(), again.body());
        JsonObject answer = JsonParser.parseString(first.body()).getAsJsonObject();
        JsonObject second = JsonParser.parseString(again.body()).getAsJsonObject();
        // an earlier try may have used the same event id (a mutated one) for another body: then both are conflicts
        String outcome = answer.get("outcome").getAsString();
        assertEquals(outcome.equals("conflict") ? "conflict" : "duplicate", second.get("outcome").getAsString());
        assertEquals(answer.get("event_id"), second.get("event_id"));
        if (!answer.get("duplicate").getAsBoolean()) {
            assertStoredAsReceived(answer.get("event_id").getAsString(), answer.get("outcome").getAsString(), event);
        }
    }

    /**
     * Whatever became of the event, its raw JSON is kept as received but for its verification token, and a row's
     * columns say what the raw says.
     */
    private static void assertStoredAsReceived(String eventId, String outcome, String sent) {
        // what the server received: the UTF-8 encoder turned lone surrogates into '?'
        String received = new String(sent.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        List<String> row = query("""
                SELECT l.outcome, COALESCE(f.raw_event, r.raw_event, l.raw_event), f.feedback_id, f.app_id,
                       f.description, r.version_id
                FROM event_ledger l LEFT JOIN feedback f ON f.event_id = l.event_id
                     LEFT JOIN revocation r ON r.event_id = l.event_id
                WHERE l.event_id = ?""", storable(eventId));
        assertEquals(outcome, row.get(0));
        assertEquals(LarkFixtures.withoutToken(received), row.get(1), "the raw event as received, less its token");
        JsonObject body = JsonParser.parseString(received).getAsJsonObject().getAsJsonObject("event");
        if (row.get(2) != null) {
            assertEquals(storable(text(body, "feedback_id")), row.get(2));
            assertEquals(storable(text(body, "app_id")), row.get(3));
            assertEquals(storable(text(body, "description")), row.get(4));
        }
        if (row.get(5) != null) {
            assertEquals(storable(text(body, "version_id")), row.get(5));
        }
        if ("stored".equals(outcome) && text(JsonParser.parseString(received).getAsJsonObject()
                .getAsJsonObject("header"), "event_type").endsWith("created_v6")) {
            assertNotNull(row.get(2), "a stored feedback has its row");
        }
    }

    @Provide
    Arbitrary<String> mutatedEvents() {
        Arbitrary<Consumer<JsonObject>> mutation = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of(HEADER_FIELDS), values())
                        .as((field, value) -> root -> set(root.getAsJsonObject("header"), field, value)),
                Combinators.combine(Arbitraries.of(EVENT_FIELDS), values())
                        .as((field, value) -> root -> set(event(root), field, value)),
                Arbitraries.of(EVENT_FIELDS).map(field -> root -> event(root).remove(field)));
        return Combinators.combine(Arbitraries.of(SEEDS), mutation.list().ofMinSize(1).ofMaxSize(4))
                .as((seed, mutations) -> {
                    JsonObject root = LarkFixtures.json(seed);
                    String id = "fuzz-" + EVENTS.incrementAndGet() + "-" + System.nanoTime();
                    root.getAsJsonObject("header").addProperty("event_id", id);
                    if (root.getAsJsonObject("event").has("feedback_id")) {
                        root.getAsJsonObject("event").addProperty("feedback_id", id);
                    }
                    mutations.forEach(m -> m.accept(root));
                    return root.toString();
                });
    }

    private static Arbitrary<JsonElement> values() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.strings().all().ofMaxLength(40).map(JsonPrimitive::new)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().withChars('a', 'é', '中', '\u0000')
                        .ofMinLength(200).ofMaxLength(3_000).map(JsonPrimitive::new)),
                net.jqwik.api.Tuple.of(2, Arbitraries.longs().map(JsonPrimitive::new)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().map(n -> new JsonPrimitive(Long.toString(n)))),
                net.jqwik.api.Tuple.of(1, Arbitraries.doubles().map(JsonPrimitive::new)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(true, false).map(JsonPrimitive::new)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(JsonNull.INSTANCE)),
                net.jqwik.api.Tuple.of(3, localTimes()),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(-3, 20).list().ofMaxSize(2_000)
                        .map(MutatedEventsTest::array)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(20).list().ofMaxSize(300)
                        .map(MutatedEventsTest::array)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(10).map(s -> {
                    JsonObject o = new JsonObject();
                    o.addProperty("open_id", s);
                    return o;
                })));
    }

    /** Lark's {@code yyyy-MM-dd HH:mm:ss}, with years no calendar has, and near-misses of the form. */
    private static Arbitrary<JsonElement> localTimes() {
        return Combinators.combine(Arbitraries.integers().between(-20_000, 300_000), Arbitraries.integers().between(0, 13),
                        Arbitraries.integers().between(0, 32), Arbitraries.of("+", "", "-"), Arbitraries.of(" ", "T"))
                .as((year, month, day, sign, separator) -> new JsonPrimitive(
                        String.format("%s%04d-%02d-%02d%s23:59:59", sign, year, month, day, separator)));
    }

    private static JsonArray array(List<?> values) {
        JsonArray a = new JsonArray();
        for (Object v : values) {
            if (v instanceof Number n) {
                a.add(n);
            } else {
                a.add((String) v);
            }
        }
        return a;
    }

    private static JsonObject event(JsonObject root) {
        return root.getAsJsonObject("event");
    }

    private static void set(JsonObject object, String field, JsonElement value) {
        object.add(field, value);
    }

    /** What the service must take as an event at all: an event id and type that are non-blank JSON primitives. */
    private static boolean isEvent(JsonObject header) {
        String id = text(header, "event_id");
        String type = text(header, "event_type");
        return id != null && !id.isBlank() && type != null && !type.isBlank();
    }

    private static String text(JsonObject object, String field) {
        JsonElement e = object == null ? null : object.get(field);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }

    private static String storable(String value) {
        return value == null ? null : value.replace('\u0000', '\uFFFD');
    }

    private static HttpResponse<String> post(String event) {
        return Http.send(HttpRequest.newBuilder(inbox.uri().resolve("/webhook/event")).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(event, StandardCharsets.UTF_8)).build());
    }

    private static List<String> query(String sql, String parameter) {
        DataSource data = DelegatingDataSource.unwrapDataSource(inbox.context().getBean(DataSource.class));
        try (Connection c = data.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), "the event is in the ledger");
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    columns.add(rs.getString(i));
                }
                assertFalse(rs.next());
                return columns;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
