package dev.larkinbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.event.Transport;
import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.sync.StatusOutbox;
import dev.larkinbox.domain.workflow.Actor;
import dev.larkinbox.domain.workflow.WorkFeedback;
import dev.larkinbox.domain.workflow.WorkFeedbackCommand;
import dev.larkinbox.inbound.jobs.RecoveryJob;
import dev.larkinbox.inbound.jobs.StatusSyncJob;
import dev.larkinbox.inbound.lark.LarkEventIntake;
import dev.larkinbox.inbound.lark.fixtures.LarkFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Status sync is switched off by inbox.sync-to-lark, and everything that calls Lark is off without credentials. */
@ExtendWith({SharedInbox.TokenOnly.class, SharedInbox.OnRestartablePostgres.class})
class LarkSyncSwitchTest {

    @Test
    void withSyncSwitchedOffChangesAreKeptButNothingIsQueuedForLarkWhileRecoveryStillRuns() {
        RunningInbox inbox = SharedInbox.tokenOnly(); // the app's credentials set, inbox.sync-to-lark false
        String feedbackId = WorkTheInboxTest.uid();
        inbox.context().getBean(LarkEventIntake.class)
                .accept(LarkFixtures.feedback("ev_" + feedbackId, feedbackId), Transport.WEBHOOK);

        inbox.context().getBean(WorkFeedback.class).work(new WorkFeedbackCommand(feedbackId,
                FeedbackStatus.ACKNOWLEDGED, null, null, null, null, Actor.user("alice")));

        assertFalse(inbox.context().getBean(StatusOutbox.class).hasPending(feedbackId));
        assertTrue(inbox.context().findBean(StatusSyncJob.class).isEmpty());
        assertTrue(inbox.context().findBean(RecoveryJob.class).isPresent());
    }

    @Test
    void withoutAppCredentialsNothingCallsLarkAndRecoveryIsNotConfigured() {
        RunningInbox inbox = SharedInbox.onRestartablePostgres();

        assertTrue(inbox.context().findBean(StatusSyncJob.class).isEmpty());
        assertTrue(inbox.context().findBean(RecoveryJob.class).isEmpty());
        assertEquals(503, new InboxApi(inbox.uri()).post("/api/recovery").statusCode());
    }
}
