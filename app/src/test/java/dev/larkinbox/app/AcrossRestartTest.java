package dev.larkinbox.app;

import static dev.larkinbox.app.ChatCardsEndToEndTest.crashEvent;
import static dev.larkinbox.app.ChatCardsEndToEndTest.webhook;
import static dev.larkinbox.app.RepliesEndToEndTest.feedback;
import static dev.larkinbox.app.RepliesEndToEndTest.reply;
import static dev.larkinbox.app.RepliesEndToEndTest.reporter;
import static dev.larkinbox.app.RepliesEndToEndTest.sentTo;
import static dev.larkinbox.app.RepliesEndToEndTest.state;
import static dev.larkinbox.app.RepliesEndToEndTest.work;
import static dev.larkinbox.app.WorkTheInboxTest.APP;
import static dev.larkinbox.app.WorkTheInboxTest.SECRET;
import static dev.larkinbox.app.WorkTheInboxTest.uid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.larkinbox.domain.event.Delivery;
import dev.larkinbox.domain.event.Transport;
import dev.larkinbox.domain.inbox.BrowseFeedback;
import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.workflow.Actor;
import dev.larkinbox.domain.workflow.WorkFeedback;
import dev.larkinbox.domain.workflow.WorkFeedbackCommand;
import dev.larkinbox.inbound.lark.LarkEventIntake;
import dev.larkinbox.outbound.db.postgres.DataDirectoryInUseException;
import dev.larkinbox.outbound.lark.standin.LarkStandIn;
import dev.larkinbox.outbound.lark.standin.LarkStandIn.BotMessage;
import dev.larkinbox.outbound.lark.standin.LarkStandIn.Patch;
import dev.larkinbox.outbound.lark.standin.LarkStandIn.PostedCard;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What must outlast a restart of the whole service on its embedded PostgreSQL, proved on one restart: the daily
 * digest posted before it is not posted again; cards, statuses and a reply written while Lark was down wait in the
 * outbox and reach Lark once after it; the data directory is refused to a second service while the first runs and
 * keeps its data for the next start; a person signed in before is still signed in after; the images of a feedback,
 * their host down before it, are kept after it ({@link ImagesAcrossRestart}). Each part works on feedback of its
 * own, so their assertions do not mix.
 */
class AcrossRestartTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String NOTICE = "The problem you reported has been resolved. Thank you for your feedback!";

    @Test
    void whatWasWrittenBeforeARestartWhileLarkWasDownReachesItOnceAfterAndTheDigestIsNotPostedAgain(
            @TempDir Path dataDir) throws Exception {
        try (LarkStandIn lark = LarkStandIn.start(APP, SECRET, 10); ImagesAcrossRestart images =
                new ImagesAcrossRestart()) {
            Map<String, Object> config = config(dataDir, lark);
            images.configure(config);
            Predicate<PostedCard> digest = c -> c.card().toString().contains("Feedback digest");
            List<String> crashes = List.of(uid(), uid(), uid());
            String statuses = uid();
            String replied = uid();
            String reporter = reporter();
            lark.addFeedback(APP, statuses, LocalDateTime.now(WorkTheInboxTest.LARK_ZONE));
            lark.addFeedback(APP, replied, LocalDateTime.now(WorkTheInboxTest.LARK_ZONE));

            SignedInVisitor fay;
            try (RunningInbox before = RunningInbox.start(config)) {
                images.before(before);
                fay = SignedInVisitor.signIn(before.uri(), "fay");
                LarkStandIn.await("the digest in the chat", WAIT,
                        () -> lark.postedCards().stream().anyMatch(digest));
                lark.down();
                int attempts = attempts(lark);

                for (String crash : crashes) {
                    assertEquals(200, webhook(before.uri(), crashEvent(crash)).statusCode());
                }
                before.context().getBean(LarkEventIntake.class)
                        .accept(ChatCardsEndToEndTest.suggestionEvent(statuses), Transport.WEBHOOK);
                WorkFeedback workFeedback = before.context().getBean(WorkFeedback.class);
                workFeedback.work(new WorkFeedbackCommand(statuses, FeedbackStatus.ACKNOWLEDGED, null, null, null,
                        null, Actor.user("alice")));
                workFeedback.work(new WorkFeedbackCommand(statuses, FeedbackStatus.IN_PROGRESS, null, null, null,
                        null, Actor.user("alice")));
                assertEquals(200, webhook(before.uri(), feedback(replied, reporter)).statusCode());
                HttpResponse<String> accepted = reply(before.uri(), replied, "谢谢，我们正在处理");
                assertEquals(202, accepted.statusCode(), accepted.body());
                assertEquals("pending", JsonParser.parseString(accepted.body()).getAsJsonObject().get("state")
                        .getAsString());

                LarkStandIn.await("attempts against the down Lark", WAIT, () -> attempts(lark) >= attempts + 2);
                assertEquals("pending", state(before.uri(), replied, 0));
                // the operator sees them all wait
                String metrics = new InboxApi(before.uri()).get("/prometheus").body();
                assertTrue(metrics.contains("inbox_outbox_pending{kind=\"card\"} 3.0"), metrics);
                assertTrue(metrics.contains("inbox_outbox_pending{kind=\"status\"} 2.0"), metrics);
                assertTrue(metrics.contains("inbox_outbox_pending{kind=\"reporter\"} 1.0"), metrics);
                for (String kind : List.of("card", "status")) {
                    assertTrue(metrics.lines().anyMatch(l -> l.startsWith("inbox_outbox_oldest_age_seconds{kind=\""
                            + kind + "\"} ") && Double.parseDouble(l.split(" ")[1]) >= 0), metrics);
                }

                // one service per data directory; the first keeps serving
                DataDirectoryInUseException e = assertThrows(DataDirectoryInUseException.class,
                        () -> RunningInbox.start(config));
                assertTrue(e.getMessage().contains("used by another running lark-app-inbox"), e.getMessage());
                assertEquals(200, new InboxApi(before.uri()).get("/api/feedback/" + statuses).statusCode());
            }
            lark.up();
            images.hostBack();
            int messagesBeforeRestart = lark.calls("message");

            try (RunningInbox after = RunningInbox.start(config)) {
                // the session kept in the database: still signed in
                HttpResponse<String> page = fay.get(after.uri(), "/me/sessions");
                assertEquals(200, page.statusCode(), "signed in after the restart");
                assertTrue(page.body().contains("Signed in as <strong>fay</strong>"), page.body());
                // the next start finds what the first stored
                assertTrue(after.context().getBean(BrowseFeedback.class).find(crashes.get(0)).isPresent());
                assertEquals(Delivery.DUPLICATE, after.context().getBean(LarkEventIntake.class)
                        .accept(crashEvent(crashes.get(0)), Transport.WEBHOOK).delivery());

                LarkStandIn.await("every card in the chat", WAIT, () -> cardsAbout(lark, crashes).size() == 3);
                LarkStandIn.await("both statuses in Lark", WAIT, () -> patchesOf(lark, statuses).size() == 2);
                LarkStandIn.await("the reply delivered", WAIT, () -> "delivered".equals(state(after.uri(), replied, 0)));
                LarkStandIn.await("an empty outbox in the metrics", WAIT, () -> {
                    String metrics = new InboxApi(after.uri()).get("/prometheus").body();
                    return metrics.contains("inbox_outbox_pending{kind=\"card\"} 0.0")
                            && metrics.contains("inbox_outbox_pending{kind=\"status\"} 0.0");
                });

                for (String status : List.of("acknowledged", "in_progress", "resolved")) {
                    work(after.uri(), replied, status);
                }
                LarkStandIn.await("the resolution's notice delivered", WAIT,
                        () -> "delivered".equals(state(after.uri(), replied, 1)));
                for (String status : List.of("acknowledged", "in_progress", "resolved")) {
                    work(after.uri(), replied, status);
                }
                LarkStandIn.await("the second resolution's notice delivered", WAIT,
                        () -> "delivered".equals(state(after.uri(), replied, 2)));
                JsonObject history = RepliesEndToEndTest.get(after.uri(), "/api/feedback/" + replied + "/history");
                JsonObject reply = history.getAsJsonArray("items").get(0).getAsJsonObject();
                assertEquals("api-token", reply.get("actor").getAsString());
                assertEquals("Reply to the reporter: 谢谢，我们正在处理", reply.get("note").getAsString());
                // the digest job checks every 100ms: it ran many times while the above was delivered
                LarkStandIn.await("the restarted service's digest job ran", WAIT,
                        () -> lark.calls("message") > messagesBeforeRestart);
                images.after(after);
            }

            assertEquals(1, lark.postedCards().stream().filter(digest).count(), "the digest once for the day");
            String digestCard = lark.postedCards().stream().filter(digest).findFirst().orElseThrow().card().toString();
            assertTrue(digestCard.contains("Since yesterday:"), digestCard);

            Set<String> posted = cardsAbout(lark, crashes).stream().map(c -> c.card().toString())
                    .map(json -> crashes.stream().filter(json::contains).findFirst().orElseThrow())
                    .collect(Collectors.toSet());
            assertEquals(Set.copyOf(crashes), posted);
            assertEquals(3, cardsAbout(lark, crashes).size(), "each card posted once");

            assertEquals(List.of(new Patch(APP, statuses, 1, null), new Patch(APP, statuses, 2, null)),
                    patchesOf(lark, statuses));

            assertEquals(List.of("谢谢，我们正在处理", NOTICE, NOTICE),
                    sentTo(lark, reporter).stream().map(BotMessage::text).toList(),
                    "the reply once, one notice per resolution");
        }
    }

    private static Map<String, Object> config(Path dataDir, LarkStandIn lark) {
        Map<String, Object> config = ChatCardsEndToEndTest.config(dataDir, lark);
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        // a minute ago in the digest's zone: due now, and well inside its window
        config.put("inbox.notify.digest.time", LocalTime.now(zone).minusMinutes(1)
                .truncatedTo(ChronoUnit.MINUTES).toString());
        config.put("inbox.notify.digest.zone", zone.getId());
        config.put("inbox.notify.digest.check-interval", "100ms");
        config.put("inbox.reporter.notify-on-resolve", true);
        config.put("inbox.reporter.language", "en");
        return config;
    }

    /** Calls to Lark's open API that the outbox makes, counted even while Lark is down. */
    private static int attempts(LarkStandIn lark) {
        return lark.calls("token") + lark.calls("message") + lark.calls("patch");
    }

    private static List<PostedCard> cardsAbout(LarkStandIn lark, List<String> feedbackIds) {
        return lark.postedCards().stream()
                .filter(c -> feedbackIds.stream().anyMatch(id -> c.card().toString().contains(id))).toList();
    }

    private static List<Patch> patchesOf(LarkStandIn lark, String feedbackId) {
        return lark.patches().stream().filter(p -> p.feedbackId().equals(feedbackId)).toList();
    }
}
