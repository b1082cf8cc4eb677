package dev.larkinbox.inbound.web.inbox;

import dev.larkinbox.domain.workflow.HistoryEntry;
import dev.larkinbox.inbound.web.language.Reader;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/** One change in a feedback's history: who, when, from, to (their labels), and what they wrote. */
public record HistoryLine(Instant at, String who, String from, String to, String assignee, String priority,
                          String note) {

    /** @param names the names of the people the entry names, by open_id ({@link #people}) */
    static HistoryLine of(HistoryEntry e, Map<String, String> names, Reader reader) {
        String assignee = Objects.equals(e.assigneeBefore(), e.assigneeAfter())
                ? (e.assigneeAfter() == null ? "" : named(e.assigneeAfter(), names))
                : assigned(e.assigneeBefore(), names, reader) + " → " + assigned(e.assigneeAfter(), names, reader);
        String priority = e.overridesPriority() ? e.priorityBefore() + " → " + e.priorityAfter() : "";
        return new HistoryLine(e.at(), named(e.actor().name(), names), e.from().label(), e.to().label(),
                assignee, priority, e.note() == null ? "" : e.note());
    }

    /** Whom the entry names: its actor and assignees. */
    static Stream<String> people(HistoryEntry e) {
        return Stream.of(e.actor().name(), e.assigneeBefore(), e.assigneeAfter()).filter(Objects::nonNull);
    }

    private static String assigned(String assignee, Map<String, String> names, Reader reader) {
        return assignee == null ? reader.text("history.nobody") : named(assignee, names);
    }

    private static String named(String id, Map<String, String> names) {
        return names.getOrDefault(id, id);
    }
}
