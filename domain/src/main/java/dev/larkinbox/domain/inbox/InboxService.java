package dev.larkinbox.domain.inbox;

import dev.larkinbox.domain.card.NotificationPolicy;
import dev.larkinbox.domain.event.Delivery;
import dev.larkinbox.domain.paging.Page;
import dev.larkinbox.domain.paging.PageRequest;
import dev.larkinbox.domain.triage.TriagePolicy;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Triages new feedback into the inbox, announcing the urgent ones in the team's chat, reads it back, exports it and
 * sums it up.
 */
public final class InboxService implements TriageFeedback, BrowseFeedback, ExportFeedback, SummarizeInbox {
    private final FeedbackInbox inbox;
    private final TriagePolicy policy;
    private final NotificationPolicy notifications;

    public InboxService(FeedbackInbox inbox, TriagePolicy policy, NotificationPolicy notifications) {
        this.inbox = Objects.requireNonNull(inbox, "inbox");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.notifications = Objects.requireNonNull(notifications, "notifications");
    }

    /** An inbox that announces nothing in a chat. */
    public InboxService(FeedbackInbox inbox, TriagePolicy policy) {
        this(inbox, policy, NotificationPolicy.OFF);
    }

    @Override
    public Delivery triage(TriageFeedbackCommand command) {
        var item = triaged(command);
        return inbox.add(item, command.rawEvent(), notifications.decide(item.triage()).post());
    }

    @Override
    public CompletableFuture<FeedbackArrival> triageAsync(TriageFeedbackCommand command) {
        var item = triaged(command);
        return inbox.addAsync(item, command.rawEvent(), notifications.decide(item.triage()).post());
    }

    private TriagedFeedback triaged(TriageFeedbackCommand command) {
        return TriagedFeedback.arrived(command.meta(), command.feedback(), policy.triage(command.feedback()),
                FeedbackStatus.NEW);
    }

    @Override
    public Page<TriagedFeedback> list(FeedbackFilter filter, FeedbackOrder order, PageRequest page) {
        return inbox.list(filter, order, page);
    }

    @Override
    public Optional<TriagedFeedback> find(String feedbackId) {
        return inbox.find(feedbackId);
    }

    @Override
    public long count(FeedbackFilter filter) {
        return inbox.count(filter);
    }

    @Override
    public List<MatchCount> counts(List<FeedbackFilter> filters) {
        return inbox.counts(filters);
    }

    @Override
    public InputStream csv(FeedbackFilter filter, FeedbackOrder order) {
        return FeedbackCsv.of(inbox.stream(filter, order));
    }

    @Override

    public InboxSummary summarize(SummaryWindow window) {
        return inbox.summarize(window);
    }
}
