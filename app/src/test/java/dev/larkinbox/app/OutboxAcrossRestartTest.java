package dev.larkinbox.app;

import static dev.larkinbox.app.WorkTheInboxTest.APP;
import static dev.larkinbox.app.WorkTheInboxTest.SECRET;
import static dev.larkinbox.app.WorkTheInboxTest.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.larkinbox.domain.event.Transport;
import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.workflow.Actor;
import dev.larkinbox.domain.workflow.WorkFeedback;
import dev.larkinbox.domain.workflow.WorkFeedbackCommand;
import dev.larkinbox.inbound.lark.LarkEventIntake;
import dev.larkinbox.inbound.lark.fixtures.LarkFixtures;
import dev.larkinbox.outbound.lark.standin.LarkStandIn;
import dev.larkinbox.outbound.lark.standin.LarkStandIn.Patch;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Statuses set while Lark was down wait in the database's outbox, through a restart, until Lark is back. */
class OutboxAcrossRestartTest {

    @Test
    void statusesSetWhileLarkIsDownReachItAfterTheServiceRestarted(@TempDir Path dataDir) {
        try (LarkStandIn lark = LarkStandIn.start(APP, SECRET, 10)) {
            String feedbackId = WorkTheInboxTest.uid();
            lark.addFeedback(APP, feedbackId, LocalDateTime.now(WorkTheInboxTest.LARK_ZONE));
            lark.down();
            try (RunningInbox before = RunningInbox.start(config(dataDir, lark))) {
                JsonObject event = JsonParser.parseString(LarkFixtures.feedback("ev_" + feedbackId, feedbackId))
                        .getAsJsonObject();
                event.getAsJsonObject("event").addProperty("app_id", APP);
                before.context().getBean(LarkEventIntake.class).accept(event.toString(), Transport.WEBHOOK);
                WorkFeedback work = before.context().getBean(WorkFeedback.class);
                work.work(new WorkFeedbackCommand(feedbackId, FeedbackStatus.ACKNOWLEDGED, null, null, null, null,
                        Actor.user("alice")));
                work.work(new WorkFeedbackCommand(feedbackId, FeedbackStatus.IN_PROGRESS, null, null, null, null,
                        Actor.user("alice")));
                LarkStandIn.await("attempts against the down Lark", Duration.ofSeconds(30),
                        () -> lark.calls("token") + lark.calls("patch") >= 2);
                String metrics = new InboxApi(before.uri()).get("/prometheus").body();
                assertTrue(metrics.contains("inbox_outbox_pending{kind=\"status\"} 2.0"), metrics);
                assertTrue(metrics.lines().anyMatch(l -> l.startsWith(
                        "inbox_outbox_oldest_age_seconds{kind=\"status\"} ") && Double.parseDouble(l.split(" ")[1]) >= 0),
                        metrics);
            }
            lark.up();

            try (RunningInbox after = RunningInbox.start(config(dataDir, lark))) {
                LarkStandIn.await("both statuses in Lark", Duration.ofSeconds(30), () -> lark.patches().size() == 2);
                LarkStandIn.await("an empty outbox in the metrics", Duration.ofSeconds(30), () -> new InboxApi(
                        after.uri()).get("/prometheus").body().contains("inbox_outbox_pending{kind=\"status\"} 0.0"));
            }

            assertEquals(List.of(new Patch(APP, feedbackId, 1, null), new Patch(APP, feedbackId, 2, null)),
                    lark.patches());
        }
    }
}
