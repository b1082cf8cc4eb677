package dev.larkinbox.outbound.db.postgres;

import dev.larkinbox.domain.event.Delivery;
import dev.larkinbox.outbound.db.inbox.FeedbackRow;
import dev.larkinbox.outbound.db.ledger.LedgerRow;
import dev.larkinbox.outbound.db.revocation.RevocationRow;
import dev.larkinbox.outbound.db.version.VersionEventRow;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
 * Writes a batch of events in the caller's transaction, one statement per table whatever the batch's size. The
 * ledger goes first and decides duplicates: its insert skips the event ids already there (a concurrent writer's
 * included: PostgreSQL waits for its commit), and an event id twice in the batch is new once, the first time.
 * Then each table takes the rows of the events found new; a table added to the write path adds its statement to
 * {@link #store}. The batch comes in event-id order; feedback rows go in feedback-id order, so that two writers
 * take those locks in one order too.
 */
@Singleton
public class EventBatch implements EventWrites.Statements {

    private static final MultiRowInsert<LedgerRow> LEDGER = new MultiRowInsert<>("""
            INSERT INTO event_ledger (event_id, event_type, app_id, tenant_key, transport, created_at, received_at,
                                      outcome, problem, raw_event) VALUES""",
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", "ON CONFLICT DO NOTHING RETURNING event_id",
            (values, row) -> values.text(row.eventId()).text(row.eventType()).text(row.appId())
                    .text(row.tenantKey()).text(row.transport()).instant(row.createdAt()).instant(row.receivedAt())
                    .text(row.outcome()).text(row.problem()).text(row.rawEvent()));

    /** Lists only the columns it writes: columns added later keep their defaults. */
    private static final MultiRowInsert<FeedbackRow> FEEDBACK = new MultiRowInsert<>("""
            INSERT INTO feedback (feedback_id, event_id, app_id, tenant_key, tenant_name, user_open_id, user_union_id,
                                  user_user_id, feedback_type, fault_types, source, feedback_time, fault_time,
                                  description, contact, images, feedback_path, priority, category, reasons, status,
                                  assignee, version, received_at, raw_event, omitted_fault_types, omitted_images)
            VALUES""",
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS timestamp), CAST(? AS timestamp), ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                    + " ?, ?, ?, ?, ?)",
            "ON CONFLICT DO NOTHING RETURNING event_id",
            (values, row) -> values.text(row.feedbackId()).text(row.eventId()).text(row.appId())
                    .text(row.tenantKey()).text(row.tenantName()).text(row.userOpenId()).text(row.userUnionId())
                    .text(row.userUserId()).integer(row.feedbackType()).integers(row.faultTypes())
                    .integer(row.source()).text(row.feedbackTime()).text(row.faultTime()).text(row.description())
                    .text(row.contact()).texts(row.images()).text(row.feedbackPath()).text(row.priority())
                    .text(row.category()).texts(row.reasons()).text(row.status()).text(row.assignee())
                    .bigint(row.version()).instant(row.receivedAt()).text(row.rawEvent())
                    .integer(row.omittedFaultTypes()).integer(row.omittedImages()));

    /** A feedback gets one card, whatever asks again. */
    private static final MultiRowInsert<FeedbackRow> CARD_POST = new MultiRowInsert<>(
            "INSERT INTO card_outbox (feedback_id, kind, requested_at, next_attempt_at) VALUES",
            "(?, 'post', ?, ?)", "ON CONFLICT DO NOTHING",
            (values, row) -> values.text(row.feedbackId()).instant(row.receivedAt()).instant(row.receivedAt()));

    /** No conflict clause: the ledger entry written first already settled duplicates. */
    private static final MultiRowInsert<RevocationRow> REVOCATION = new MultiRowInsert<>("""
            INSERT INTO revocation (event_id, app_id, version_id, operator_open_id, operator_union_id,
                                    operator_user_id, creator_open_id, creator_union_id, creator_user_id,
                                    tenant_key, revoked_at, received_at, raw_event) VALUES""",
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", "",
            (values, row) -> values.text(row.eventId()).text(row.appId()).text(row.versionId())
                    .text(row.operatorOpenId()).text(row.operatorUnionId()).text(row.operatorUserId())
                    .text(row.creatorOpenId()).text(row.creatorUnionId()).text(row.creatorUserId())
                    .text(row.tenantKey()).instant(row.revokedAt()).instant(row.receivedAt()).text(row.rawEvent()));

    /** No conflict clause either, as for the revocations. */
    private static final MultiRowInsert<VersionEventRow> VERSION = new MultiRowInsert<>("""
            INSERT INTO version_event (event_id, app_id, version_id, kind, version, version_status, online_version_id,
                                       online_version, online_version_status, remark, audit_source, operator_open_id,
                                       operator_union_id, operator_user_id, creator_open_id, creator_union_id,
                                       creator_user_id, tenant_key, happened_at, received_at, raw_event) VALUES""",
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", "",
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
        Set<String> entered = LEDGER.insertReturning(connection, entering.stream().map(EventWrite::entry).toList());
        List<EventWrite> fresh = entering.stream().filter(w -> entered.contains(w.eventId())).toList();

        List<FeedbackRow> feedback = fresh.stream().map(EventWrite::feedback).filter(Objects::nonNull)
                .sorted(Comparator.comparing(FeedbackRow::feedbackId).thenComparing(FeedbackRow::eventId)).toList();
        Set<String> storedFeedback = FEEDBACK.insertReturning(connection, feedback);
        Map<String, Delivery> unstored = feedbackStoredBefore(connection,
                feedback.stream().filter(row -> !storedFeedback.contains(row.eventId())).toList());
        CARD_POST.insert(connection, fresh.stream().filter(w -> w.announce() && storedFeedback.contains(w.eventId()))
                .map(EventWrite::feedback).toList());

        REVOCATION.insert(connection, fresh.stream().map(EventWrite::revocation).filter(Objects::nonNull).toList());
        VERSION.insert(connection, fresh.stream().map(EventWrite::version).filter(Objects::nonNull).toList());

        List<EventWrite.Conflict> conflicts = new ArrayList<>(
                batch.stream().map(EventWrite::conflict).filter(Objects::nonNull).toList());
        for (EventWrite write : fresh) {
            if (unstored.get(write.eventId()) == Delivery.CONFLICT) {
                conflicts.add(new EventWrite.Conflict(write.eventId(), write.entry().transport(),
                        write.entry().receivedAt(), write.feedback().rawEvent()));
            }
        }
        CONFLICT.insert(connection, conflicts);

        Set<String> freshIds = new HashSet<>(fresh.stream().map(EventWrite::eventId).toList());
        for (int i = 0; i < batch.size(); i++) {
            if (deliveries[i] == null) {
                String id = batch.get(i).eventId();
                deliveries[i] = unstored.getOrDefault(id, freshIds.contains(id) ? Delivery.NEW : Delivery.DUPLICATE);
            }
        }
        Set<String> awaited = awaitedStatuses(connection, batch.stream().map(EventWrite::feedback)
                .filter(Objects::nonNull).map(FeedbackRow::feedbackId).distinct().toArray(String[]::new));
        List<StoredWrite> stored = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            FeedbackRow row = batch.get(i).feedback();
            stored.add(new StoredWrite(deliveries[i], deliveries[i] != Delivery.CONFLICT && row != null
                    && awaited.contains(row.feedbackId())));
        }
        return stored;
    }

    /**
     * The feedback of the batch for which a status set in Lark waits: one read per batch, instead of one per
     * feedback after its commit. A redelivery is asked about too, in case applying the status failed before.
     */
    private static Set<String> awaitedStatuses(Connection connection, String[] feedbackIds) throws SQLException {
        Set<String> awaited = new HashSet<>();
        if (feedbackIds.length == 0) {
            return awaited;
        }
        try (PreparedStatement find = connection.prepareStatement(
                "SELECT DISTINCT feedback_id FROM awaited_lark_status WHERE feedback_id = ANY (?)")) {
            find.setArray(1, connection.createArrayOf("text", feedbackIds));
            try (ResultSet rs = find.executeQuery()) {
                while (rs.next()) {
                    awaited.add(rs.getString(1));
                }
            }
        }
        return awaited;
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
        try (PreparedStatement withdraw = connection.prepareStatement(
                "DELETE FROM event_ledger WHERE event_id = ANY (?)")) {
            withdraw.setArray(1, connection.createArrayOf("text",
                    rows.stream().map(FeedbackRow::eventId).toArray()));
            withdraw.executeUpdate();
        }
        Map<String, String> appOfFeedback = new HashMap<>();
        try (PreparedStatement find = connection.prepareStatement(
                "SELECT feedback_id, app_id FROM feedback WHERE feedback_id = ANY (?)")) {
            find.setArray(1, connection.createArrayOf("text", rows.stream().map(FeedbackRow::feedbackId).toArray()));
            try (ResultSet rs = find.executeQuery()) {
                while (rs.next()) {
                    appOfFeedback.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        for (FeedbackRow row : rows) {
            boolean sameApp = appOfFeedback.containsKey(row.feedbackId())
                    && Objects.equals(appOfFeedback.get(row.feedbackId()), row.appId());
            deliveries.put(row.eventId(), sameApp ? Delivery.DUPLICATE : Delivery.CONFLICT);
        }
        return deliveries;
    }
}
