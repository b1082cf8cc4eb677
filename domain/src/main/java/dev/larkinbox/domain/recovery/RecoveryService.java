package dev.larkinbox.domain.recovery;

import dev.larkinbox.domain.card.NotificationPolicy;
import dev.larkinbox.domain.event.Delivery;
import dev.larkinbox.domain.event.EventMeta;
import dev.larkinbox.domain.event.Transport;
import dev.larkinbox.domain.feedback.Feedback;
import dev.larkinbox.domain.inbox.FeedbackInbox;
import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.inbox.TriagedFeedback;
import dev.larkinbox.domain.triage.TriagePolicy;
import dev.larkinbox.domain.validation.Text;
import dev.larkinbox.domain.workflow.LarkFeedbackStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Recovers feedback whose event never came. A recovered feedback is triaged like any other, starts at the status
 * Lark shows for it (so both sides agree), and is recorded under the event id {@code recovered:<feedback_id>}.
 */
public final class RecoveryService implements RecoverMissedFeedback {
    /** A recovered feedback stands in for the event that would have brought it. */
    public static final String EVENT_TYPE = "application.application.feedback.created_v6";
    public static final String EVENT_ID_PREFIX = "recovered:";
    /** A listing that pages on beyond this is taken for a loop on Lark's side. */
    static final int MAX_PAGES = 10_000;

    private final LarkFeedbackListing lark;
    private final FeedbackInbox inbox;
    private final RecoveryInbox recovered;
    private final TriagePolicy policy;
    private final NotificationPolicy notifications;
    private final List<String> appIds;
    private final int defaultDays;
    private final Clock clock;

    /**
     * @param appIds      the apps whose feedback the inbox keeps
     * @param defaultDays how far back a command that names no days looks
     */
    public RecoveryService(LarkFeedbackListing lark, FeedbackInbox inbox, RecoveryInbox recovered, TriagePolicy policy,
                           List<String> appIds, int defaultDays, Clock clock) {
        this(lark, inbox, recovered, policy, NotificationPolicy.OFF, appIds, defaultDays, clock);
    }

    /** @param notifications which recovered feedback is announced in the team's chat, like feedback that came */
    public RecoveryService(LarkFeedbackListing lark, FeedbackInbox inbox, RecoveryInbox recovered, TriagePolicy policy,
                           NotificationPolicy notifications, List<String> appIds, int defaultDays, Clock clock) {
        this.lark = Objects.requireNonNull(lark, "lark");
        this.notifications = Objects.requireNonNull(notifications, "notifications");
        this.inbox = Objects.requireNonNull(inbox, "inbox");
        this.recovered = Objects.requireNonNull(recovered, "recovered");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.appIds = List.copyOf(Objects.requireNonNull(appIds, "appIds"));
        if (this.appIds.isEmpty()) {
            throw new IllegalArgumentException("recovery needs at least one app id");
        }
        this.appIds.forEach(id -> Text.requireNonBlank(id, "app id"));
        this.defaultDays = RecoverMissedFeedbackCommand.requireDays(defaultDays);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public RecoveryReport recover(RecoverMissedFeedbackCommand command) {
        Instant until = clock.instant();
        Instant since = until.minus(Duration.ofDays(command.days() == null ? defaultDays : command.days()));
        int listed = 0;
        List<String> added = new ArrayList<>();
        for (String appId : appIds) {
            String pageToken = null;
            Set<String> tokensSeen = new HashSet<>();
            do {
                ListedPage page = lark.list(appId, since, until, pageToken);
                for (ListedFeedback item : page.items()) {
                    listed++;
                    TriagedFeedback triaged = triaged(appId, item);
                    if (inbox.find(item.feedback().feedbackId()).isEmpty() && recovered.addRecovered(triaged,
                            item.raw(), notifications.decide(triaged.triage()).post()) == Delivery.NEW) {
                        added.add(item.feedback().feedbackId());
                    }
                }
                pageToken = page.nextPageToken();
                if (pageToken != null && (!tokensSeen.add(pageToken) || tokensSeen.size() > MAX_PAGES)) {
                    throw new IllegalStateException("Lark's feedback listing of app " + appId + " does not end");
                }
            } while (pageToken != null);
        }
        return new RecoveryReport(listed, added);
    }

    private TriagedFeedback triaged(String appId, ListedFeedback item) {
        Feedback feedback = item.feedback();
        var meta = new EventMeta(EVENT_ID_PREFIX + feedback.feedbackId(), EVENT_TYPE, appId, null, null,
                clock.instant(), Transport.RECOVERY);
        FeedbackStatus status = item.larkStatus() == null ? FeedbackStatus.NEW
                : LarkFeedbackStatus.fromCode(item.larkStatus()).map(LarkFeedbackStatus::toStatus)
                .orElse(FeedbackStatus.NEW);
        return TriagedFeedback.arrived(meta, feedback, policy.triage(feedback), status);
    }
}
