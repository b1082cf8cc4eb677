package dev.larkinbox.app;

import static dev.larkinbox.app.PackagedJarIT.ENCRYPT_KEY;
import static dev.larkinbox.app.PackagedJarIT.FIXTURES;
import static dev.larkinbox.app.PackagedJarIT.JAR;
import static dev.larkinbox.app.PackagedJarIT.TOKEN;
import static dev.larkinbox.app.PackagedJarIT.sendEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.larkinbox.inbound.lark.fixtures.LarkFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12's versions, done when: against the packaged jar, a version's steps read back in order, each once. */
class VersionsJarIT {
    private static final List<String> STEPS = List.of(LarkFixtures.PUBLISH_APPLY, LarkFixtures.VERSION_AUDIT,
            LarkFixtures.PUBLISH_REVOKE);

    @Test
    void aVersionsApplicationApprovalAndRevocationSentSignedReadBackInOrderAndARedeliveryStoresNothingTwice(
            @TempDir Path dir) throws Exception {
        assertTrue(Files.isRegularFile(JAR), "package builds " + JAR.toAbsolutePath());
        try (ServiceProcess service = ServiceProcess.fromJar(JAR, dir, Map.of("LARK_ENCRYPT_KEY", ENCRYPT_KEY,
                "LARK_VERIFICATION_TOKEN", TOKEN, "INBOX_API_TOKEN", InboxApi.TOKEN))) {
            String url = service.uri().resolve("/webhook/event").toString();
            List<String> answers = new ArrayList<>();
            for (String fixture : STEPS) {
                answers.add(sendEvent(JAR, dir, FIXTURES.resolve(fixture), url, ENCRYPT_KEY));
            }
            // Lark delivers again, in another order
            for (String fixture : List.of(STEPS.get(2), STEPS.get(0), STEPS.get(1))) {
                answers.add(sendEvent(JAR, dir, FIXTURES.resolve(fixture), url, ENCRYPT_KEY));
            }
            JsonObject listed = new InboxApi(service.uri()).json("/api/versions?app_id=cli_9b445f5258795107");

            for (int i = 0; i < answers.size(); i++) {
                assertTrue(answers.get(i).startsWith("200 ") && answers.get(i).contains(i < 3
                        ? "\"outcome\":\"stored\",\"duplicate\":false" : "\"outcome\":\"duplicate\""), answers.get(i));
            }
            JsonArray versions = listed.getAsJsonArray("items");
            assertEquals(1, versions.size(), listed.toString());
            JsonObject version = versions.get(0).getAsJsonObject();
            assertEquals("oav_d317f090b7258ad0372aa53963cda70d", version.get("version_id").getAsString());
            assertEquals("1.0.1", version.get("version").getAsString());
            List<String> kinds = new ArrayList<>();
            version.getAsJsonArray("events").forEach(e -> kinds.add(e.getAsJsonObject().get("kind").getAsString()));
            assertEquals(List.of("applied", "approved", "revoked"), kinds, listed.toString());
            assertEquals("审核通过", version.getAsJsonArray("events").get(1).getAsJsonObject().get("remark")
                    .getAsString());
            service.stopWithSigterm();
        }
    }
}
