package dev.larkinbox.inbound.http.version;

import static dev.larkinbox.inbound.http.support.LarkEvents.uniqueId;
import static dev.larkinbox.inbound.http.support.ErrorAssertions.assertError;
import static dev.larkinbox.inbound.http.support.TestServer.ENCRYPT_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.larkinbox.inbound.http.support.LarkWire;
import dev.larkinbox.inbound.http.support.TestServer;
import dev.larkinbox.inbound.http.support.TestServer.Reply;
import dev.larkinbox.inbound.lark.fixtures.LarkFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /api/versions}, fed through the webhook as Lark feeds it. Each test works on its own app id. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class VersionApiTest {
    @RegisterExtension
    static final TestServer server = TestServer.secured();

    @Test
    void a_versions_application_approval_and_revocation_read_back_in_order_and_a_redelivery_stores_nothing_twice() {
        String app = uniqueId("cli_");
        List<String> events = List.of(event(LarkFixtures.PUBLISH_REVOKE, app), event(LarkFixtures.VERSION_AUDIT, app),
                event(LarkFixtures.PUBLISH_APPLY, app));
        for (String event : events) {
            assertTrue(deliver(event).body().contains("\"duplicate\":false"), event);
        }
        for (String event : events) {
            assertTrue(deliver(event).body().contains("\"duplicate\":true"), event);
        }

        Reply reply = server.get("/api/versions?app_id=" + app);

        assertEquals(200, reply.status(), reply.body());
        assertEquals(JsonNull.INSTANCE, reply.json().get("next_cursor"));
        List<JsonObject> versions = reply.items();
        assertEquals(1, versions.size(), reply.body());
        JsonObject version = versions.get(0);
        assertEquals(app, version.get("app_id").getAsString());
        assertEquals("oav_d317f090b7258ad0372aa53963cda70d", version.get("version_id").getAsString());
        assertEquals("1.0.1", version.get("version").getAsString());
        JsonArray steps = version.getAsJsonArray("events");
        assertEquals(List.of("applied", "approved", "revoked"), field(steps, "kind"));
        assertEquals(List.of("2020-12-23T12:03:20Z", "2020-12-23T12:11:40Z", "2020-12-23T12:19:49Z"),
                field(steps, "at"));
        JsonObject approval = steps.get(1).getAsJsonObject();
        assertEquals("审核通过", approval.get("remark").getAsString());
        assertEquals("ou_84aad35d084aa403a838cf73ee18467",
                approval.getAsJsonObject("operator").get("open_id").getAsString());
        assertEquals(JsonNull.INSTANCE, steps.get(0).getAsJsonObject().get("remark"));
    }

    @Test
    void an_app_without_versions_has_an_empty_list() {
        Reply reply = server.get("/api/versions?app_id=" + uniqueId("cli_"));

        assertEquals(200, reply.status(), reply.body());
        assertEquals(List.of(), reply.items());
    }

    @Test
    void the_app_is_required_and_a_misspelt_parameter_is_refused() {
        assertTrue(assertError(server.get("/api/versions"), 400, "invalid-query").get("detail").getAsString()
                .contains("app_id is required"));
        assertError(server.get("/api/versions?app_id=%20"), 400, "invalid-query");
        assertTrue(assertError(server.get("/api/versions?appid=cli_a"), 400, "invalid-query").get("detail")
                .getAsString().contains("unknown query parameter appid"));
        assertError(server.get("/api/versions?app_id=cli_a", "Bearer wrong"), 401, "wrong-api-token");
    }

    private static List<String> field(JsonArray objects, String name) {
        List<String> values = new ArrayList<>();
        objects.forEach(e -> values.add(e.getAsJsonObject().get(name).getAsString()));
        return values;
    }

    /** The fixture under a fresh event id, about this app. */
    private static String event(String fixture, String app) {
        JsonObject json = LarkFixtures.json(fixture);
        json.getAsJsonObject("header").addProperty("event_id", uniqueId("ev_"));
        JsonObject body = json.getAsJsonObject("event");
        if (body.has("under_audit_version")) {
            body.getAsJsonObject("under_audit_version").addProperty("app_id", app);
        } else {
            body.addProperty("app_id", app);
        }
        return json.toString();
    }

    private static Reply deliver(String event) {
        Reply reply = server.webhook(LarkWire.signed(event, ENCRYPT_KEY));
        assertEquals(200, reply.status(), reply.body());
        return reply;
    }
}
