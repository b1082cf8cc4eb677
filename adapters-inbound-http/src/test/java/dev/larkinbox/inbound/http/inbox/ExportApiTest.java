package dev.larkinbox.inbound.http.inbox;

import static dev.larkinbox.inbound.http.support.ErrorAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.larkinbox.domain.event.EventMeta;
import dev.larkinbox.domain.event.Transport;
import dev.larkinbox.domain.event.UserRef;
import dev.larkinbox.domain.feedback.FaultKind;
import dev.larkinbox.domain.feedback.Feedback;
import dev.larkinbox.domain.feedback.FeedbackSource;
import dev.larkinbox.domain.feedback.FeedbackType;
import dev.larkinbox.domain.inbox.InboxService;
import dev.larkinbox.domain.inbox.TriageFeedbackCommand;
import dev.larkinbox.inbound.http.support.TestServer;
import dev.larkinbox.inbound.http.support.TestServer.Reply;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /api/feedback} with {@code Accept: text/csv}: the filtered inbox as a spreadsheet opens it. */
class ExportApiTest {
    private static final String FORMULA_STARTS = "=+-@\t\r";

    @RegisterExtension
    static final TestServer server = TestServer.secured();

    @Test
    void theCsvOfAFilterReadBackIsTheApisItemsForTheSameFilterWithFormulasNeutralised() throws IOException {
        String app = "cli_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        List<String> descriptions = List.of("打开小程序后白屏，点\"刷新\"也没用", "=HYPERLINK(\"https://evil.example\",\"看这里\")",
                "+1 又闪退了", "-2, 第二行\n第三行", "@SUM(1+1)", "\t=1", "普通的, 没有公式");
        descriptions.forEach(d -> report(app, d));
        report("cli_someone_else", "not in this filter");

        Reply csv = server.send(server.builder("/api/feedback?app_id=" + app + "&sort=priority",
                Map.of("Authorization", "Bearer " + TestServer.API_TOKEN, "Accept", "text/csv")).GET().build());

        assertEquals(200, csv.status(), csv.body());
        assertEquals("text/csv; charset=utf-8", csv.contentType().toLowerCase(java.util.Locale.ROOT));
        assertEquals("attachment; filename=\"feedback.csv\"",
                csv.headers().firstValue("Content-Disposition").orElseThrow().replace("; filename*=utf-8''feedback.csv", ""));
        assertTrue(csv.body().startsWith("\uFEFFfeedback_id,event_id,"), "UTF-8 with a BOM, then the header");
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body().substring(1))).getRecords();
        List<JsonObject> items = server.get("/api/feedback?app_id=" + app + "&sort=priority&limit=200").items();
        assertEquals(descriptions.size(), items.size());
        assertEquals(items.size(), records.size());
        for (int i = 0; i < items.size(); i++) {
            assertEquals(expected(items.get(i)), records.get(i).toMap(), "record " + i);
        }
        assertEquals("'=HYPERLINK(\"https://evil.example\",\"看这里\")", records.stream()
                .map(r -> r.get("description")).filter(d -> d.contains("HYPERLINK")).findFirst().orElseThrow());
    }

    @Test
    void whatCannotBeAFilterIsRefusedAsForTheListPagingIsNoParameterOfAnExportAndAWildcardGetsJson() {
        Map<String, String> headers = Map.of("Authorization", "Bearer " + TestServer.API_TOKEN, "Accept", "text/csv");

        assertError(server.send(server.builder("/api/feedback?status=done", headers).GET().build()), 400,
                "invalid-query");
        assertError(server.send(server.builder("/api/feedback?limit=10", headers).GET().build()), 400,
                "invalid-query");
        assertEquals(401, server.send(server.builder("/api/feedback", Map.of("Accept", "text/csv")).GET().build())
                .status());
        Reply anything = server.send(server.builder("/api/feedback?limit=1",
                Map.of("Authorization", "Bearer " + TestServer.API_TOKEN, "Accept", "*/*")).GET().build());
        assertTrue(anything.contentType().startsWith("application/json"), "a wildcard gets the JSON list");
    }

    /** The item's fields as its CSV record must hold them. */
    private static Map<String, String> expected(JsonObject item) {
        Map<String, String> cells = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> field : item.entrySet()) {
            switch (field.getKey()) {
                case "image_copies" -> { } // the API's links to copies; a spreadsheet has the images' URLs
                case "user" -> field.getValue().getAsJsonObject().entrySet()
                        .forEach(id -> cells.put("user_" + id.getKey(), text(id.getValue())));
                default -> cells.put(field.getKey(), text(field.getValue()));
            }
        }
        cells.replaceAll((column, value) -> !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0
                ? "'" + value : value);
        return cells;
    }

    private static String text(JsonElement value) {
        if (value.isJsonNull()) {
            return "";
        }
        if (value instanceof JsonArray array) {
            return StreamSupport.stream(array.spliterator(), false).map(JsonElement::getAsString)
                    .collect(Collectors.joining("\n"));
        }
        return value.getAsString();
    }

    private static void report(String app, String description) {
        String id = UUID.randomUUID().toString();
        Feedback feedback = new Feedback(id, app, "字节跳动", new UserRef("ou_" + id, null, "u1"), FeedbackType.FAULT,
                List.of(FaultKind.CRASH, FaultKind.LAG), FeedbackSource.MINI_PROGRAM,
                LocalDateTime.parse("2022-01-30T11:30:12"), null, description, "wang@example.com",
                List.of("https://p6.byteimg.com/a", "https://p6.byteimg.com/b"), "pages/cart");
        server.bean(InboxService.class).triage(new TriageFeedbackCommand(new EventMeta("ev-" + id,
                "application.application.feedback.created_v6", app, "tenant", null, Instant.now(),
                Transport.WEBHOOK), feedback, "{}"));
    }
}
