package dev.larkinbox.domain.inbox;

import static dev.larkinbox.domain.testing.SampleEvents.APP;
import static dev.larkinbox.domain.testing.SampleEvents.FEEDBACK_CREATED;
import static dev.larkinbox.domain.testing.SampleEvents.T0;
import static dev.larkinbox.domain.testing.SampleEvents.meta;
import static dev.larkinbox.domain.testing.SampleEvents.triaged;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.event.UserRef;
import dev.larkinbox.domain.feedback.FaultKind;
import dev.larkinbox.domain.feedback.Feedback;
import dev.larkinbox.domain.feedback.FeedbackSource;
import dev.larkinbox.domain.feedback.FeedbackType;
import dev.larkinbox.domain.reason.Reason;
import dev.larkinbox.domain.testing.SampleEvents;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The inbox as a spreadsheet opens it: BOM, RFC 4180 records, no formula run, written as it is read. */
class FeedbackCsvTest {

    @Test
    void aFeedbackIsOneRecordUnderTheApisFieldNamesWithABomAndCrlf() throws IOException {
        Feedback f = new Feedback("fb-1", APP, "字节跳动", new UserRef("ou_1", "on_1", "u_1"), FeedbackType.FAULT,
                List.of(FaultKind.CRASH, FaultKind.LAG), FeedbackSource.MINI_PROGRAM,
                LocalDateTime.parse("2022-01-30T11:30:12"), null, "打开后白屏, 点\"刷新\"也没用\n第二行", null,
                List.of("https://a.example/1", "https://a.example/2"), "page/index");

        String csv = read(FeedbackCsv.of(Stream.of(triaged(meta("ev-1", FEEDBACK_CREATED, T0), f,
                FeedbackStatus.NEW))));

        assertEquals("\uFEFF" + String.join(",", FeedbackCsv.COLUMNS) + "\r\n"
                + "fb-1,ev-1," + APP + ",2ca1d211f64f6438,字节跳动,fault,\"crash\nlag\",mini_program,"
                + "2022-01-30 11:30:12,,\"打开后白屏, 点\"\"刷新\"\"也没用\n第二行\",,"
                + "\"https://a.example/1\nhttps://a.example/2\",page/index,ou_1,on_1,u_1,P1,stability,"
                + "\"" + String.join("\n", triaged(meta("ev-1", FEEDBACK_CREATED, T0), f, FeedbackStatus.NEW)
                        .triage().reasons().stream().map(Reason::english).toList()) + "\",new,,1," + T0 + ",\r\n", csv);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "=HYPERLINK(\"http://x\")|\"'=HYPERLINK(\"\"http://x\"\")\"",
            "+1+2|\"'+1+2\"",
            "-2+3|\"'-2+3\"",
            "@SUM(A1)|\"'@SUM(A1)\"",
            "a=1|a=1",
            "白屏|白屏"})
    void aCellASpreadsheetWouldRunAsAFormulaIsQuotedAfterAnApostrophe(String value, String written) {
        assertEquals(written, FeedbackCsv.cell(value));
    }

    @Test
    void aCellBeginningWithATabOrACarriageReturnIsNeutralisedToo() {
        assertEquals("\"'\t=1\"", FeedbackCsv.cell("\t=1"));
        assertEquals("\"'\r=1\"", FeedbackCsv.cell("\r=1"));
    }

    @Test
    void recordsAreEncodedOnlyAsTheyAreReadAndClosingEndsTheRead() throws IOException {
        AtomicInteger encoded = new AtomicInteger();
        AtomicBoolean closed = new AtomicBoolean();
        Stream<TriagedFeedback> many = IntStream.range(0, 100_000)
                .mapToObj(n -> SampleEvents.feedback("ev-" + n, "fb-" + n, T0))
                .peek(f -> encoded.incrementAndGet()).onClose(() -> closed.set(true));

        try (InputStream csv = FeedbackCsv.of(many)) {
            csv.readNBytes(4096);
            assertTrue(encoded.get() < 20, "encoded " + encoded.get() + " records for 4 KB");
        }

        assertTrue(closed.get());
    }

    private static String read(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
