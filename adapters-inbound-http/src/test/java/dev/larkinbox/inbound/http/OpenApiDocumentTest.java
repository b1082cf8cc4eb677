package dev.larkinbox.inbound.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.triage.Priority;
import dev.larkinbox.domain.version.VersionEventKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The OpenAPI document is generated with the classes, describes the whole API in the API's snake_case, and is
 * one a client generator can use: every operation named once, every reference resolved, the closed sets of
 * values given as enums.
 */
class OpenApiDocumentTest {
    private static final Set<String> METHODS = Set.of("get", "post", "patch", "put", "delete");
    private static String text;
    private static Map<String, Object> document;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream("/META-INF/swagger/lark-app-inbox.yml")) {
            assertNotNull(in, "generated at compile time");
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        document = new Yaml().load(text);
    }

    @Test
    void theDocumentNamesEveryPathAndTheJsonFieldsAsTheApiWritesThem() {
        for (String expected : List.of("/webhook/event:", "/api/feedback:", "/api/feedback/{feedback_id}:",
                "/api/feedback/{feedback_id}/history:", "/api/problems:", "/api/problems/{problem_id}:",
                "/api/problems/{problem_id}/feedback:", "/api/problems/{problem_id}/merge:", "/api/revocations:", "/api/versions:", "/api/recovery:", "/api/me:", "/health:", "patch:",
                "If-Match", "actor_name:", "open_id:", "feedback_id:", "next_cursor:", "assignee_after:", "scheme: bearer")) {
            assertTrue(text.contains(expected), expected);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationHasItsOwnMeaningfulOperationId() {
        List<String> ids = new ArrayList<>();
        map(document, "paths").forEach((path, item) -> ((Map<String, Object>) item).forEach((method, operation) -> {
            if (METHODS.contains(method)) {
                Object id = ((Map<String, Object>) operation).get("operationId");
                assertNotNull(id, method + " " + path);
                ids.add(id.toString());
            }
        }));

        assertEquals(ids.size(), new HashSet<>(ids).size(), ids.toString());
        assertTrue(ids.stream().allMatch(id -> id.matches("[a-z]+[A-Z][A-Za-z]+")), ids.toString());
        assertTrue(ids.containsAll(List.of("listFeedback", "getFeedback", "workFeedback", "getFeedbackHistory",
                "listProblems", "getProblem", "getProblemFeedback", "workProblem", "mergeProblems",
                "listRevocations", "listVersions", "recoverMissedFeedback", "receiveLarkEvent", "getHealth", "getMe")), ids.toString());
    }

    @Test
    void everyReferenceResolvesToASchemaOfTheDocument() {
        Set<String> schemas = map(map(document, "components"), "schemas").keySet();
        Matcher ref = Pattern.compile("\\$ref: \"?#/components/schemas/([^\"\\s]+)\"?").matcher(text);
        int refs = 0;
        while (ref.find()) {
            refs++;
            assertTrue(schemas.contains(ref.group(1)), ref.group(1));
        }
        assertTrue(refs > 5, "the operations refer to their schemas");
    }

    @Test
    void theClosedSetsOfValuesAreEnumsAsTheDomainNamesThem() {
        Map<String, Object> item = map(map(map(map(document, "components"), "schemas"), "FeedbackItem"), "properties");
        List<String> statuses = Arrays.stream(FeedbackStatus.values()).map(FeedbackStatus::label).toList();

        assertEquals(statuses, map(item, "status").get("enum"));
        assertEquals(Arrays.stream(Priority.values()).map(Priority::name).toList(), map(item, "priority").get("enum"));
        assertEquals(List.of("fault", "suggestion", "unknown"), map(item, "feedback_type").get("enum"));
        assertTrue(map(item, "feedback_time").get("description").toString().contains("UTC+08:00"));
        Map<String, Object> patch = map(map(map(map(document, "components"), "schemas"), "FeedbackPatch"),
                "properties");
        assertEquals(statuses, map(patch, "status").get("enum"));
        Map<String, Object> versionEvent = map(map(map(map(document, "components"), "schemas"), "VersionItem.Event"),
                "properties");
        assertEquals(Arrays.stream(VersionEventKind.values()).map(VersionEventKind::label).toList(),
                map(versionEvent, "kind").get("enum"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertNotNull(value, key);
        return (Map<String, Object>) value;
    }
}
