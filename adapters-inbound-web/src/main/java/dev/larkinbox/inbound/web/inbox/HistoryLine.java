package dev.larkinbox.inbound.web.inbox;

import dev.larkinbox.domain.workflow.HistoryEntry;
import dev.larkinbox.inbound.web.language.Reader;
import java.time.Instant;

/** One change in a feedback's history: who, when, from, to (their labels), and what they wrote. */
public record HistoryLine(Instant at, String who, String from, String to, String assignee, String priority,
                          String note) {

    static HistoryLine of(HistoryEntry e, Reader reader) {
        String assignee = java.util.Objects.equals(e.assigneeBefore(), e.assigneeAfter())
                ? (e.assigneeAfter() == null ? "" : e.assigneeAfter())
                : name(e.assigneeBefore(), reader) + " → " + name(e.assigneeAfter(), reader);
        String priority = e.overridesPriority() ? e.priorityBefore() + " → " + e.priorityAfter() : "";
        return new HistoryLine(e.at(), e.actor().name(), e.from().label(), e.to().label(), assignee,
                priority, e.note() == null ? "" : e.note());
    }

    private static String name(String assignee, Reader reader) {
        return assignee == null ? reader.text("history.nobody") : assignee;
    }
}
