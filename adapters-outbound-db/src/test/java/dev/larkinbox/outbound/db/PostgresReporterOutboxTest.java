package dev.larkinbox.outbound.db;

import static dev.larkinbox.domain.testing.SampleEvents.FEEDBACK_CREATED;
import static dev.larkinbox.domain.testing.SampleEvents.T0;
import static dev.larkinbox.domain.testing.SampleEvents.feedback;
import static dev.larkinbox.domain.testing.SampleEvents.meta;
import static dev.larkinbox.domain.testing.SampleEvents.rawEvent;
import static dev.larkinbox.domain.testing.SampleEvents.suggestion;
import static dev.larkinbox.domain.testing.SampleEvents.triaged;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.platform.LarkRefusedException;
import dev.larkinbox.domain.platform.LarkUnavailableException;
import dev.larkinbox.domain.reason.Reason;
import dev.larkinbox.domain.reply.LarkBot;
import dev.larkinbox.domain.reply.NoReporterException;
import dev.larkinbox.domain.reply.PendingMessage;
import dev.larkinbox.domain.reply.ReplyCommand;
import dev.larkinbox.domain.reply.ReplyService;
import dev.larkinbox.domain.reply.ReporterFeedback;
import dev.larkinbox.domain.reply.ReporterMessage.Kind;
import dev.larkinbox.domain.reply.ReporterMessageService;
import dev.larkinbox.domain.reply.ReporterOutbox;
import dev.larkinbox.domain.reply.ResolutionNotice;
import dev.larkinbox.domain.reply.SentMessage;
import dev.larkinbox.domain.reply.SentMessage.State;
import dev.larkinbox.domain.sync.Backoff;
import dev.larkinbox.domain.sync.SyncReport;
import dev.larkinbox.domain.testing.WorkflowPorts;
import dev.larkinbox.domain.workflow.Actor;
import dev.larkinbox.domain.workflow.WorkFeedbackCommand;
import dev.larkinbox.domain.workflow.WorkflowService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Messages to reporters on PostgreSQL: written with their history entry, once per entry, sent once, and a reporter
 * Lark will not let the bot reach given up at once, in words.
 */
class PostgresReporterOutboxTest {
    private static final Instant LATER = T0.plus(Duration.ofDays(3650));
    private static final String REPORTER = "ou_84aad35d084aa403a838cf73ee18467";

    private final Clock clock = Clock.fixed(LATER, ZoneOffset.UTC);
    private final List<String> sent = new ArrayList<>();
    private WorkflowPorts ports;
    private ReporterOutbox outbox;
    private ReplyService replies;
    private WorkflowService workflow;

    @BeforeEach
    void emptyStore() {
        ports = PostgresTestDatabase.emptyWorkflowStore();
        outbox = PostgresTestDatabase.context().getBean(ReporterOutbox.class);
        replies = new ReplyService(ports.inbox(), ports.workflow(), outbox, clock);
        workflow = new WorkflowService(ports.inbox(), ports.workflow(), ports.outbox(), false,
                new ResolutionNotice(true, ResolutionNotice.Language.EN), clock);
        ports.inbox().add(feedback("ev-1", "fb-1", T0), rawEvent("ev-1"), false);
    }

    @Test
    void aReplyIsAHistoryEntryByItsAuthorAndAPendingMessageToTheReporter() {
        SentMessage reply = replies.reply(new ReplyCommand("fb-1", "Thanks, we are on it", Actor.user("alice")));

        assertEquals(State.PENDING, reply.state());
        assertEquals(Kind.REPLY, reply.kind());
        assertEquals(Actor.user("alice"), reply.author());
        assertEquals("Reply to the reporter: Thanks, we are on it",
                ports.workflow().history("fb-1").get(0).note());
        List<PendingMessage> due = outbox.claimDue(LATER, LATER.plusSeconds(30), 10);
        assertEquals(1, due.size());
        assertEquals(REPORTER, due.get(0).openId());
        assertEquals("Thanks, we are on it", due.get(0).text());
        assertEquals(reply.version(), due.get(0).version());
    }

    @Test
    void aFeedbackWithoutItsReporterOpenIdCannotBeRepliedTo() {
        ports.inbox().add(triaged(meta("ev-2", FEEDBACK_CREATED, T0), suggestion("fb-2", "cli_app"),
                FeedbackStatus.NEW), rawEvent("ev-2"), false);

        assertThrows(NoReporterException.class,
                () -> replies.reply(new ReplyCommand("fb-2", "hello", Actor.user("alice"))));
        assertTrue(ports.workflow().history("fb-2").isEmpty(), "nothing recorded");
    }

    @Test
    void eachResolutionTellsTheReporterOnceAndOtherChangesDoNot() {
        for (int round = 0; round < 2; round++) {
            work(FeedbackStatus.ACKNOWLEDGED);
            work(FeedbackStatus.IN_PROGRESS);
            work(FeedbackStatus.RESOLVED);
        }

        List<SentMessage> messages = outbox.messages("fb-1");
        assertEquals(List.of(Kind.RESOLVED, Kind.RESOLVED), messages.stream().map(SentMessage::kind).toList());
        assertEquals(List.of(4L, 7L), messages.stream().map(SentMessage::version).toList(),
                "keyed on each resolution's history entry");
        assertEquals("The problem you reported has been resolved. Thank you for your feedback!",
                messages.get(0).text());
    }

    @Test
    void aMessageIsSentOnceAcrossAnOutageAndMarkedDelivered() {
        replies.reply(new ReplyCommand("fb-1", "first", Actor.user("alice")));
        replies.reply(new ReplyCommand("fb-1", "second", Actor.user("bob")));
        boolean[] down = {true};
        ReporterMessageService service = service((openId, text, key) -> {
            if (down[0]) {
                throw new LarkUnavailableException("Lark's open API could not be reached", null);
            }
            sent.add(openId + ":" + text + ":" + key);
        });

        assertEquals(new SyncReport(0, 1, 0), service.sendDue());
        down[0] = false;
        ReporterMessageService later = new ReporterMessageService(outbox, (openId, text, key) ->
                sent.add(openId + ":" + text + ":" + key), new Backoff(Duration.ofMillis(1), Duration.ofMillis(1)),
                Duration.ofSeconds(30), 10, 3, Clock.fixed(LATER.plusSeconds(60), ZoneOffset.UTC));

        assertEquals(new SyncReport(2, 0, 0), later.sendDue());
        assertEquals(SyncReport.NOTHING, later.sendDue());
        assertEquals(List.of(REPORTER + ":first:fb-1\n2", REPORTER + ":second:fb-1\n3"), sent, "in order, once each");
        assertEquals(List.of(State.DELIVERED, State.DELIVERED),
                outbox.messages("fb-1").stream().map(SentMessage::state).toList());
    }

    @Test
    void aReporterLarkWillNotLetTheBotReachIsGivenUpAtOnceWithItsReason() {
        replies.reply(new ReplyCommand("fb-1", "hello", Actor.user("alice")));
        int[] calls = {0};
        Reason outside = Reason.of("lark.refused.outside-availability", 230013);
        ReporterMessageService service = service((openId, text, key) -> {
            calls[0]++;
            throw new LarkRefusedException(230013, outside, true);
        });

        assertEquals(new SyncReport(0, 0, 1), service.sendDue());
        assertEquals(SyncReport.NOTHING, service.sendDue());

        assertEquals(1, calls[0], "not retried");
        SentMessage message = outbox.messages("fb-1").get(0);
        assertEquals(State.NOT_DELIVERED, message.state());
        assertEquals(outside, message.reason(), "read back by its key, for the reader's language");
    }

    @Test
    void aMessageGivenUpBeforeReasonsHadKeysKeepsItsText() {
        replies.reply(new ReplyCommand("fb-1", "hello", Actor.user("alice")));
        String before = "Lark refused the request with code 230013: the reporter is outside the app's availability range";
        PostgresTestDatabase.execute(PostgresTestDatabase.context(), "UPDATE reporter_outbox SET abandoned_at = now(),"
                + " last_error = '" + before.replace("'", "''") + "'");

        assertEquals(Reason.verbatim(before), outbox.messages("fb-1").get(0).reason());
    }

    @Test
    void aPassingRefusalIsRetried() {
        replies.reply(new ReplyCommand("fb-1", "hello", Actor.user("alice")));
        ReporterMessageService service = service((openId, text, key) -> {
            throw new LarkRefusedException(230001, "invalid parameter");
        });

        assertEquals(new SyncReport(0, 1, 0), service.sendDue());

        SentMessage message = outbox.messages("fb-1").get(0);
        assertEquals(State.PENDING, message.state());
        assertNull(message.reason());
    }

    @Test
    void theReportersOtherFeedbackIsListedNewestFirst() {
        ports.inbox().add(feedback("ev-2", "fb-2", T0.plusSeconds(60)), rawEvent("ev-2"), false);
        ports.inbox().add(feedback("ev-3", "fb-3", T0.plusSeconds(120)), rawEvent("ev-3"), false);
        ports.inbox().add(triaged(meta("ev-4", FEEDBACK_CREATED, T0), suggestion("fb-4", "cli_app"),
                FeedbackStatus.NEW), rawEvent("ev-4"), false);
        ReporterFeedback others = PostgresTestDatabase.context().getBean(ReporterFeedback.class);

        assertEquals(List.of("fb-3", "fb-2"), others.otherFeedback("fb-1").stream()
                .map(ReporterFeedback.OtherFeedback::feedbackId).toList());
        assertEquals(List.of(), others.otherFeedback("fb-4"), "a feedback without an open_id matches nobody");
    }

    private ReporterMessageService service(LarkBot bot) {
        return new ReporterMessageService(outbox, bot, new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(5)),
                Duration.ofSeconds(30), 10, 3, clock);
    }

    private void work(FeedbackStatus status) {
        workflow.work(new WorkFeedbackCommand("fb-1", status, null, null, null, null, Actor.user("alice")));
    }
}
