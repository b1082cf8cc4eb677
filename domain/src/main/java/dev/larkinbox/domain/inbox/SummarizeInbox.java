package dev.larkinbox.domain.inbox;

/** Use case: the counts of the inbox a dashboard shows. */
public interface SummarizeInbox {
    InboxSummary summarize(SummaryWindow window);
}
