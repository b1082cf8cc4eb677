package dev.larkinbox.outbound.db;

import static dev.larkinbox.domain.testing.SampleEvents.APP;
import static dev.larkinbox.domain.testing.SampleEvents.T0;
import static dev.larkinbox.domain.testing.SampleEvents.feedback;
import static dev.larkinbox.outbound.db.PostgresTestDatabase.queryText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.inbox.FeedbackCsv;
import dev.larkinbox.domain.inbox.FeedbackFilter;
import dev.larkinbox.domain.inbox.FeedbackInbox;
import dev.larkinbox.domain.inbox.FeedbackOrder;
import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.inbox.TriagedFeedback;
import dev.larkinbox.domain.paging.Pages;
import dev.larkinbox.domain.triage.Priority;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A whole filtered inbox read through a cursor: what the pages hold, in their order, without holding it all. */
class PostgresExportTest {
    private static final int ROWS = 100_000;
    private static final int DESCRIPTION_LENGTH = 1_000;
    private static final long MB = 1024 * 1024;

    private final FeedbackInbox inbox = PostgresTestDatabase.emptyStore().inbox();

    @Test
    void theStreamHoldsWhatThePagesHoldInTheirOrderAndTheCountIsTheirNumber() {
        for (int n = 0; n < 7; n++) {
            inbox.add(feedback("ev-" + n, "fb-" + n, T0.plusSeconds(n)), "{}");
        }
        copies(30);
        var filter = new FeedbackFilter(APP, Set.of(FeedbackStatus.NEW), Set.of(Priority.P1), null, null, null);

        for (FeedbackOrder order : FeedbackOrder.values()) {
            List<TriagedFeedback> paged = Pages.all(4, page -> inbox.list(filter, order, page)).toList();
            try (Stream<TriagedFeedback> streamed = inbox.stream(filter, order)) {
                assertEquals(paged, streamed.toList(), order.label());
            }
        }
        assertEquals(37, inbox.count(filter));
        assertEquals(0, inbox.count(new FeedbackFilter("cli_other", Set.of(), Set.of(), null, null, null)));
    }

    /**
     * Bounded heap, measured: the heap in use after a full collection halfway through, against before. The rows hold
     * about 100 MB of contacts; read whole (a list, or a JDBC result without a cursor, which the driver holds
     * entire) they would still be in the heap there.
     */
    @Test
    void aHundredThousandRowsAreExportedAsCsvWithoutHoldingThem() throws IOException {
        inbox.add(feedback("ev-seed", "fb-seed", T0), "{}");
        copies(ROWS - 1);
        long before = heapAfterCollection();
        AtomicLong read = new AtomicLong();
        AtomicLong halfway = new AtomicLong();

        long bytes;
        long records;
        try (InputStream csv = FeedbackCsv.of(inbox.stream(FeedbackFilter.ALL, FeedbackOrder.NEWEST)
                .peek(f -> {
                    if (read.incrementAndGet() == ROWS / 2) {
                        halfway.set(heapAfterCollection());
                    }
                }))) {
            long[] counted = count(csv);
            bytes = counted[0];
            records = counted[1];
        }

        assertEquals(ROWS, read.get());
        assertEquals(ROWS + 1, records, "a header and a record a row");
        assertTrue(bytes > (long) ROWS * DESCRIPTION_LENGTH, "the CSV holds the long contacts: " + bytes);
        long grown = halfway.get() - before;
        assertTrue(grown < 24 * MB, "the heap grew by " + grown / MB + " MB while " + bytes / MB
                + " MB were exported");
    }

    /** Copies fb-seed (or the first feedback) n times as fb-copy-1.., each with a long contact. */
    private static void copies(int n) {
        String seed = queryText("SELECT feedback_id FROM feedback ORDER BY received_at LIMIT 1");
        String ledgerColumns = columns("event_ledger", "event_id", "'ev-copy-' || n",
                "received_at", "received_at - n * interval '1 millisecond'");
        String feedbackColumns = columns("feedback", "event_id", "'ev-copy-' || n", "feedback_id", "'fb-copy-' || n",
                "received_at", "received_at - n * interval '1 millisecond'",
                // the kilobyte in the contact, which no index reads: the description's grams would cost the insert
                "contact", "repeat('x', " + DESCRIPTION_LENGTH + ") || n");
        // one transaction, without the connections' statement timeout, which a hundred thousand rows outlast
        PostgresTestDatabase.execute(PostgresTestDatabase.context(), "BEGIN; SET LOCAL statement_timeout = 0;"
                + " INSERT INTO event_ledger SELECT " + ledgerColumns
                + " FROM event_ledger, generate_series(1, " + n + ") n"
                + " WHERE event_id = (SELECT event_id FROM feedback WHERE feedback_id = '" + seed + "');"
                + " INSERT INTO feedback SELECT " + feedbackColumns
                + " FROM feedback, generate_series(1, " + n + ") n WHERE feedback_id = '" + seed + "';"
                // the tables' statistics as autovacuum keeps them in a running service: planned for the handful of
                // rows they held before, the export's join would walk one table for each row of the other
                + " ANALYZE feedback, event_ledger; COMMIT");
    }

    /** The table's columns in their order, each as itself or as the expression given for it. */
    private static String columns(String table, String... replacements) {
        StringBuilder cases = new StringBuilder("CASE column_name");
        for (int i = 0; i < replacements.length; i += 2) {
            cases.append(" WHEN '").append(replacements[i]).append("' THEN '")
                    .append(replacements[i + 1].replace("'", "''")).append("'");
        }
        cases.append(" ELSE quote_ident(column_name) END");
        return queryText("SELECT string_agg(" + cases + ", ', ' ORDER BY ordinal_position)"
                + " FROM information_schema.columns WHERE table_name = ? AND table_schema = current_schema()", table);
    }

    private static long heapAfterCollection() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Bytes and CRLF-ended lines outside quotes, read a block at a time. */
    private static long[] count(InputStream csv) throws IOException {
        byte[] block = new byte[8192];
        long bytes = 0;
        long records = 0;
        boolean quoted = false;
        byte last = 0;
        for (int n = csv.read(block); n >= 0; n = csv.read(block)) {
            for (int i = 0; i < n; i++) {
                byte b = block[i];
                if (b == '"') {
                    quoted = !quoted;
                } else if (b == '\n' && last == '\r' && !quoted) {
                    records++;
                }
                last = b;
            }
            bytes += n;
        }
        return new long[] {bytes, records};
    }
}
