package dev.larkinbox.inbound.web.inbox;

import dev.larkinbox.domain.workflow.HistoryEntry;
import dev.larkinbox.inbound.web.Pages;

/** One change in a feedback's history: who, when, from, to, and what they wrote. */
public record HistoryLine(String at, String who, String from, String to, String assignee, String priority,
                          String note) {

    static HistoryLine of(HistoryEntry e) {
        String assignee = java.util.Objects.equals(e.assigneeBefore(), e.assigneeAfter())
                ? (e.assigneeAfter() == null ? "" : e.assigneeAfter())
                : name(e.assigneeBefore()) + " → " + name(e.assigneeAfter());
        String priority = e.overridesPriority() ? e.priorityBefore() + " → " + e.priorityAfter() : "";
        return new HistoryLine(Pages.time(e.at()), e.actor().name(), e.from().label(), e.to().label(), assignee,
                priority, e.note() == null ? "" : e.note());
    }

    private static String name(String assignee) {
        return assignee == null ? "nobody" : assignee;
    }
}
