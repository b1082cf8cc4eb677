package dev.larkinbox.domain.inbox;

import dev.larkinbox.domain.feedback.FaultKind;
import dev.larkinbox.domain.feedback.Feedback;
import dev.larkinbox.domain.reason.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The inbox as CSV: a header of the API's field names, then a record a feedback, each cell the text the API's JSON
 * writes for the field (a list's values one a line, an absent value empty, the user's ids in three columns).
 * <p>
 * Written for spreadsheets: UTF-8 with a byte order mark, so that Excel reads Chinese as Chinese; records as RFC 4180
 * has them (CRLF, a cell quoted when it holds a quote, comma or line break, its quotes doubled); and a cell that
 * begins with {@code = + - @}, a tab or a carriage return, which a spreadsheet would take for a formula, begins
 * with a {@code '} and is quoted, as OWASP's advice on CSV injection says.
 * <p>
 * Written here rather than with a CSV library: the domain holds the JDK only, both the API and the web inbox
 * serve this same export, and the library would still not neutralise formulas.
 */
public final class FeedbackCsv {
    public static final List<String> COLUMNS = List.of("feedback_id", "event_id", "app_id", "tenant_key",
            "tenant_name", "feedback_type", "fault_types", "source", "feedback_time", "fault_time", "description",
            "contact", "images", "feedback_path", "user_open_id", "user_union_id", "user_user_id", "priority",
            "category", "reasons", "status", "assignee", "version", "received_at", "problem_id");
    public static final String MEDIA_TYPE = "text/csv; charset=utf-8";
    static final String BYTE_ORDER_MARK = "\uFEFF";
    private static final DateTimeFormatter LARK_LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private FeedbackCsv() {
    }

    /** The CSV of these feedback, each encoded as it is read; closing it closes the stream of feedback. */
    public static InputStream of(Stream<TriagedFeedback> feedback) {
        return new Encoded(feedback);
    }

    /** The cells of one feedback, in the order of {@link #COLUMNS}, before they are made safe. */
    static List<String> cells(TriagedFeedback item) {
        Feedback f = item.feedback();
        return Arrays.asList(f.feedbackId(), item.meta().eventId(), f.appId(), item.meta().tenantKey(),
                f.tenantName(), f.type().label(), lines(f.faultKinds().stream().map(FaultKind::label)),
                f.source() == null ? null : f.source().label(),
                f.feedbackTime() == null ? null : LARK_LOCAL.format(f.feedbackTime()),
                f.faultTime() == null ? null : LARK_LOCAL.format(f.faultTime()), f.description(), f.contact(),
                lines(f.images().stream()), f.path(), f.user().openId(), f.user().unionId(), f.user().userId(),
                item.triage().priority().name(), item.triage().category(), lines(item.triage().reasons().stream().map(Reason::english)),
                item.status().label(), item.assignee(), Long.toString(item.version()),
                item.meta().receivedAt().toString(), item.problemId());
    }

    /** One record, CRLF ended. */
    static String record(List<String> cells) {
        return cells.stream().map(FeedbackCsv::cell).collect(Collectors.joining(",", "", "\r\n"));
    }

    /** A cell as written: made safe for a spreadsheet, then quoted as RFC 4180 says. */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        boolean formula = FORMULA_STARTS.indexOf(value.charAt(0)) >= 0;
        String text = formula ? "'" + value : value;
        if (formula || text.contains("\"") || text.contains(",") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private static String lines(Stream<String> values) {
        return values.collect(Collectors.joining("\n"));
    }

    /** Encodes a record only when the reader has taken the one before. */
    private static final class Encoded extends InputStream {
        private final Stream<TriagedFeedback> feedback;
        private final Iterator<TriagedFeedback> rows;
        private byte[] current;
        private int at;

        Encoded(Stream<TriagedFeedback> feedback) {
            this.feedback = Objects.requireNonNull(feedback, "feedback");
            this.rows = feedback.iterator();
            this.current = (BYTE_ORDER_MARK + record(COLUMNS)).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            Objects.checkFromIndexSize(offset, length, into.length);
            if (length == 0) {
                return 0;
            }
            while (at == current.length) {
                if (!rows.hasNext()) {
                    return -1;
                }
                current = record(cells(rows.next())).getBytes(StandardCharsets.UTF_8);
                at = 0;
            }
            int n = Math.min(length, current.length - at);
            System.arraycopy(current, at, into, offset, n);
            at += n;
            return n;
        }

        @Override
        public void close() {
            feedback.close();
        }
    }
}
