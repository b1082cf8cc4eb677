package dev.larkinbox.outbound.db.postgres;

import dev.larkinbox.domain.event.Delivery;
import dev.larkinbox.outbound.db.inbox.FeedbackRow;
import dev.larkinbox.outbound.db.ledger.LedgerRow;
import dev.larkinbox.outbound.db.revocation.RevocationRow;
import dev.larkinbox.outbound.db.version.VersionEventRow;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes a batch of events in the caller's transaction in one statement whatever the batch's size, so that a
 * transaction is two round trips with its commit. The ledger insert decides duplicates: it skips the event ids
 * already there (a concurrent writer's included: PostgreSQL waits for its commit), and an event id twice in the
 * batch is new once, the first time. Each table's insert, a {@code WITH} query of the same statement, takes the
 * rows of the events whose ledger entries it returned; a table added to the write path adds its query to
 * {@link #write}. Only when a feedback id came before under another event does a batch take more statements. The
 * batch comes in event-id order; feedback rows go in feedback-id order, so that two writers take those locks in
 * one order too.
 */
@Singleton
public class EventBatch implements EventWrites.Statements {

    /** Decides which events are new: the ledger entries it inserts. */
    private static final MultiRowInsert<LedgerRow> LEDGER = new MultiRowInsert<>("""
            INSERT INTO event_ledger (event_id, event_type, app_id, tenant_key, transport, created_at, received_at,
                                      outcome, problem, raw_event) VALUES""",
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", "ON CONFLICT DO NOTHING RETURNING event_id",
            (values, row) -> values.text(row.eventId()).text(row.eventType()).text(row.appId())
                    .text(row.tenantKey()).text(row.transport()).instant(row.createdAt()).instant(row.receivedAt())
                    .text(row.outcome()).text(row.problem()).text(row.rawEvent()));

    /** Lists only the columns it writes: columns added later keep their defaults. */
    private static final String FEEDBACK_COLUMNS = """
            feedback_id, event_id, app_id, tenant_key, tenant_name, user_open_id, user_union_id, user_user_id,
            feedback_type, fault_types, source, feedback_time, fault_time, description, contact, images,
            feedback_path, priority, category, reasons, status, assignee, version, received_at, raw_event,
            omitted_fault_types, omitted_images, reason_keys, description_grams""";

    /** The feedback of the events entered, in feedback-id order. */
    private static final MultiRowInsert<FeedbackRow> FEEDBACK = new MultiRowInsert<>(
            "INSERT INTO feedback (" + FEEDBACK_COLUMNS + ") SELECT * FROM (VALUES",
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS timestamp), CAST(? AS timestamp), ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                    + " ?, CAST(? AS timestamptz), ?, ?, ?, ?, CAST(? AS integer[]))",
            ") AS v (" + FEEDBACK_COLUMNS + ") WHERE event_id IN (SELECT event_id FROM entered)"
                    + " ORDER BY feedback_id COLLATE \"C\", event_id COLLATE \"C\""
                    + " ON CONFLICT DO NOTHING RETURNING event_id, feedback_id, received_at, images",
            (values, row) -> values.text(row.feedbackId()).text(row.eventId()).text(row.appId())
                    .text(row.tenantKey()).text(row.tenantName()).text(row.userOpenId()).text(row.userUnionId())
                    .text(row.userUserId()).integer(row.feedbackType()).integers(row.faultTypes())
                    .integer(row.source()).text(row.feedbackTime()).text(row.faultTime()).text(row.description())
                    .text(row.contact()).texts(row.images()).text(row.feedbackPath()).text(row.priority())
                    .text(row.category()).texts(row.reasons()).text(row.status()).text(row.assignee())
                    .bigint(row.version()).instant(row.receivedAt()).text(row.rawEvent())
                    .integer(row.omittedFaultTypes()).integer(row.omittedImages()).texts(row.reasonKeys())
                    .integers(row.descriptionGrams()));

    /** A feedback stored whose event asks for a card gets one, whatever asks again. */
    private static final String CARD_POST = """
            INSERT INTO card_outbox (feedback_id, kind, requested_at, next_attempt_at)
            SELECT feedback_id, 'post', received_at, received_at FROM stored_feedback WHERE event_id = ANY (?)
            ORDER BY feedback_id ON CONFLICT DO NOTHING""";

    /** Each feedback stored waits for grouping (GroupingRepository takes it from there). */
    private static final String GROUPING_QUEUE = """
            INSERT INTO grouping_queue (received_at, event_id, feedback_id)
            SELECT received_at, event_id, feedback_id FROM stored_feedback""";

    /**
     * Each image of a feedback stored is queued to be fetched (ImageService), due at once, tried until its URL
     * expires three days after the feedback.
     */
    private static final String IMAGE_QUEUE = """
            INSERT INTO feedback_image (feedback_id, position, url, requested_at, expires_at, next_attempt_at)
            SELECT s.feedback_id, i.position - 1, i.url, s.received_at, s.received_at + interval '3 days',
                   s.received_at
            FROM stored_feedback s, unnest(s.images) WITH ORDINALITY AS i (url, position)
            ORDER BY s.feedback_id, i.position ON CONFLICT DO NOTHING""";

    private static final String REVOCATION_COLUMNS = """
            event_id, app_id, version_id, operator_open_id, operator_union_id, operator_user_id, creator_open_id,
            creator_union_id, creator_user_id, tenant_key, revoked_at, received_at, raw_event""";

    /** No conflict clause: the ledger entry written first already settled duplicates. */
    private static final MultiRowInsert<RevocationRow> REVOCATION = new MultiRowInsert<>(
            "INSERT INTO revocation (" + REVOCATION_COLUMNS + ") SELECT * FROM (VALUES",
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS timestamptz), CAST(? AS timestamptz), ?)",
            ") AS v (" + REVOCATION_COLUMNS + ") WHERE event_id IN (SELECT event_id FROM entered)",
            (values, row) -> values.text(row.eventId()).text(row.appId()).text(row.versionId())
                    .text(row.operatorOpenId()).text(row.operatorUnionId()).text(row.operatorUserId())
                    .text(row.creatorOpenId()).text(row.creatorUnionId()).text(row.creatorUserId())
                    .text(row.tenantKey()).instant(row.revokedAt()).instant(row.receivedAt()).text(row.rawEvent()));

    private static final String VERSION_COLUMNS = """
            event_id, app_id, version_id, kind, version, version_status, online_version_id, online_version,
            online_version_status, remark, audit_source, operator_open_id, operator_union_id, operator_user_id,
            creator_open_id, creator_union_id, creator_user_id, tenant_key, happened_at, received_at, raw_event""";

    /** No conflict clause either, as for the revocations. */
    private static final MultiRowInsert<VersionEventRow> VERSION = new MultiRowInsert<>(
            "INSERT INTO version_event (" + VERSION_COLUMNS + ") SELECT * FROM (VALUES",
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS timestamptz), CAST(? AS timestamptz), ?)",
            ") AS v (" + VERSION_COLUMNS + ") WHERE event_id IN (SELECT event_id FROM entered)",
            (values, row) -> values.text(row.eventId()).text(row.appId()).text(row.versionId()).text(row.kind())
                    .text(row.version()).integer(row.versionStatus()).text(row.onlineVersionId())
                    .text(row.onlineVersion()).integer(row.onlineVersionStatus()).text(row.remark())
                    .text(row.auditSource()).text(row.operatorOpenId()).text(row.operatorUnionId())
                    .text(row.operatorUserId()).text(row.creatorOpenId()).text(row.creatorUnionId())
                    .text(row.creatorUserId()).text(row.tenantKey()).instant(row.happenedAt())
                    .instant(row.receivedAt()).text(row.rawEvent()));

    /** Each distinct body once per event id. */
    private static final MultiRowInsert<EventWrite.Conflict> CONFLICT = new MultiRowInsert<>(
            "INSERT INTO event_conflict (event_id, transport, received_at, raw_event) VALUES",
            "(?, ?, ?, ?)", "ON CONFLICT DO NOTHING",
            (values, row) -> values.text(row.eventId()).text(row.transport()).instant(row.receivedAt())
                    .text(row.rawEvent()));

    /**
     * The feedback of the batch for which a status set in Lark waits, read in the batch's statement instead of
     * once per feedback after its commit. A redelivery is asked about too, in case applying the status failed
     * before.
     */
    private static final String AWAITED_STATUSES =
            "SELECT 'awaited', feedback_id FROM awaited_lark_status WHERE feedback_id = ANY (?)";

    @Override
    public List<StoredWrite> store(Connection connection, List<EventWrite> batch) throws SQLException {
        Delivery[] deliveries = new Delivery[batch.size()];
        List<EventWrite> entering = new ArrayList<>();
        Set<String> inBatch = new HashSet<>();
        for (int i = 0; i < batch.size(); i++) {
            EventWrite write = batch.get(i);
            if (write.entry() == null) {
                deliveries[i] = Delivery.CONFLICT;
            } else if (inBatch.add(write.eventId())) {
                entering.add(write);
            } else {
                deliveries[i] = Delivery.DUPLICATE;
            }
        }
        List<FeedbackRow> feedback = entering.stream().map(EventWrite::feedback).filter(Objects::nonNull).toList();
        Written written = write(connection, batch, entering, feedback);

        List<EventWrite> fresh = entering.stream().filter(w -> written.entered().contains(w.eventId())).toList();
        Map<String, Delivery> unstored = feedbackStoredBefore(connection, feedback.stream()
                .filter(row -> written.entered().contains(row.eventId())
                        && !written.storedFeedback().contains(row.eventId()))
                .toList());
        List<EventWrite.Conflict> conflicts = new ArrayList<>();
        for (EventWrite write : fresh) {
            if (unstored.get(write.eventId()) == Delivery.CONFLICT) {
                conflicts.add(new EventWrite.Conflict(write.eventId(), write.entry().transport(),
                        write.entry().receivedAt(), write.feedback().rawEvent()));
            }
        }
        CONFLICT.insert(connection, conflicts);

        List<StoredWrite> stored = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            String id = batch.get(i).eventId();
            Delivery delivery = deliveries[i] != null ? deliveries[i]
                    : unstored.getOrDefault(id, written.entered().contains(id) ? Delivery.NEW : Delivery.DUPLICATE);
            FeedbackRow row = batch.get(i).feedback();
            stored.add(new StoredWrite(delivery, delivery != Delivery.CONFLICT && row != null
                    && written.awaited().contains(row.feedbackId())));
        }
        return stored;
    }

    /** What the batch's statement found: events entered in the ledger, feedback stored, statuses awaited. */
    private record Written(Set<String> entered, Set<String> storedFeedback, Set<String> awaited) {
    }

    /**
     * Writes the batch in one statement (one round trip): the ledger entries, the rows of the events entered, the
     * conflicts; and reads which statuses await the batch's feedback.
     */
    private static Written write(Connection connection, List<EventWrite> batch, List<EventWrite> entering,
                                 List<FeedbackRow> feedback) throws SQLException {
        var written = new Written(new HashSet<>(), new HashSet<>(), new HashSet<>());
        var statement = new OneStatement();
        List<String> results = new ArrayList<>();
        if (!entering.isEmpty()) {
            with(statement, "entered", LEDGER, entering.stream().map(EventWrite::entry).toList());
            results.add("SELECT 'entered', event_id FROM entered");
            if (!feedback.isEmpty()) {
                with(statement, "stored_feedback", FEEDBACK, feedback.stream()
                        .sorted(Comparator.comparing(FeedbackRow::feedbackId).thenComparing(FeedbackRow::eventId))
                        .toList());
                results.add("SELECT 'feedback', event_id FROM stored_feedback");
                statement.sql(", queued AS (" + GROUPING_QUEUE + ")");
                String[] announced = entering.stream().filter(w -> w.announce() && w.feedback() != null)
                        .map(EventWrite::eventId).toArray(String[]::new);
                if (announced.length > 0) {
                    statement.sql(", cards AS (" + CARD_POST + ")", values -> values.texts(announced));
                }
                if (feedback.stream().anyMatch(row -> row.images().length > 0)) {
                    statement.sql(", image_queue AS (" + IMAGE_QUEUE + ")");
                }
            }
            with(statement, "revocations", REVOCATION,
                    entering.stream().map(EventWrite::revocation).filter(Objects::nonNull).toList());
            with(statement, "versions", VERSION,
                    entering.stream().map(EventWrite::version).filter(Objects::nonNull).toList());
        }
        with(statement, "conflicts", CONFLICT,
                batch.stream().map(EventWrite::conflict).filter(Objects::nonNull).toList());
        String[] feedbackIds = batch.stream().map(EventWrite::feedback).filter(Objects::nonNull)
                .map(FeedbackRow::feedbackId).distinct().toArray(String[]::new);
        // the awaited statuses' read goes last, its parameter after every insert's; a batch of conflicts only
        // reads nothing
        String reads = String.join(" UNION ALL ", results);
        if (feedbackIds.length > 0) {
            statement.sql(" " + (reads.isEmpty() ? "" : reads + " UNION ALL ") + AWAITED_STATUSES,
                    values -> values.texts(feedbackIds));
        } else {
            statement.sql(" " + (reads.isEmpty() ? "SELECT NULL, NULL WHERE false" : reads));
        }
        statement.query(connection, row -> {
            Set<String> found = switch (row.getString(1)) {
                case "entered" -> written.entered();
                case "feedback" -> written.storedFeedback();
                default -> written.awaited();
            };
            found.add(row.getString(2));
        });
        return written;
    }

    /** Adds a data-modifying WITH query inserting the rows, if any. */
    private static <R> void with(OneStatement statement, String name, MultiRowInsert<R> insert, List<R> rows) {
        if (!rows.isEmpty()) {
            statement.sql((statement.isEmpty() ? "WITH " : ", ") + name + " AS (");
            insert.appendTo(statement, rows).sql(")");
        }
    }

    /**
     * Feedback whose id came before under another event: its ledger entry is taken back. A redelivery (of the
     * same app) is a duplicate that leaves no trace; the same id for another app is another feedback, kept aside
     * raw as a conflict.
     *
     * @return per event id, a duplicate or a conflict
     */
    private static Map<String, Delivery> feedbackStoredBefore(Connection connection, List<FeedbackRow> rows)
            throws SQLException {
        Map<String, Delivery> deliveries = new HashMap<>();
        if (rows.isEmpty()) {
            return deliveries;
        }
        new OneStatement().sql("DELETE FROM event_ledger WHERE event_id = ANY (?)",
                values -> values.texts(rows.stream().map(FeedbackRow::eventId).toArray(String[]::new)))
                .update(connection);
        Map<String, String> appOfFeedback = new HashMap<>();
        new OneStatement().sql("SELECT feedback_id, app_id FROM feedback WHERE feedback_id = ANY (?)",
                values -> values.texts(rows.stream().map(FeedbackRow::feedbackId).toArray(String[]::new)))
                .query(connection, row -> appOfFeedback.put(row.getString(1), row.getString(2)));
        for (FeedbackRow row : rows) {
            boolean sameApp = appOfFeedback.containsKey(row.feedbackId())
                    && Objects.equals(appOfFeedback.get(row.feedbackId()), row.appId());
            deliveries.put(row.eventId(), sameApp ? Delivery.DUPLICATE : Delivery.CONFLICT);
        }
        return deliveries;
    }
}
