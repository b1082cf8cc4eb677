package dev.larkinbox.inbound.http.inbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.larkinbox.domain.workflow.HistoryEntry;
import dev.larkinbox.inbound.http.api.ApiTime;
import io.micronaut.core.annotation.Nullable;
import java.util.Map;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One change of a feedback as {@code /api/feedback/{feedback_id}/history} shows it.
 *
 * @param version   the version of the feedback the change made
 * @param actor     who made the change: a person's open_id ({@code api-token} for the holder of
 *                  {@code inbox.api-token}); for a status set in Lark's console, its operator's open_id (or
 *                  {@code lark} when the event names none); for changes made before people signed in, the name
 *                  given then
 * @param actorName the actor's name, for anyone who has signed in to the inbox; else the same as {@code actor}
 * @param actorKind {@code user} (the API token's holder, or a name given before people signed in),
 *                  {@code lark_user} (a person, by open_id) or {@code lark} (Lark's console)
 * @param from      the status before; equal to {@code to} when only the assignee, the priority or a note changed
 * @param priorityBefore the priority before; differs from {@code priority_after} when a person overrode it
 * @param note      what the actor wrote; for a priority override, its reason
 */
@Serdeable.Serializable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record HistoryItem(long version, String changedAt, String actor, String actorName,
                          @Schema(allowableValues = {"user", "lark_user", "lark"}) String actorKind,
                          @Schema(allowableValues = {"new", "acknowledged", "in_progress", "resolved", "closed"}) String from,
                          @Schema(allowableValues = {"new", "acknowledged", "in_progress", "resolved", "closed"}) String to,
                          @Nullable String assigneeBefore, @Nullable String assigneeAfter,
                          @Schema(allowableValues = {"P1", "P2", "P3", "P4"}) String priorityBefore,
                          @Schema(allowableValues = {"P1", "P2", "P3", "P4"}) String priorityAfter,
                          @Nullable String note) {

    /** @param names the names of the people among the actors, by open_id */
    static HistoryItem of(HistoryEntry entry, Map<String, String> names) {
        String actor = entry.actor().name();
        return new HistoryItem(entry.version(), ApiTime.instant(entry.at()), actor, names.getOrDefault(actor, actor),
                entry.actor().kind().label(), entry.from().label(), entry.to().label(), entry.assigneeBefore(),
                entry.assigneeAfter(), entry.priorityBefore().name(), entry.priorityAfter().name(), entry.note());
    }

    /** Names and notes stay out of logs. */
    @Override
    public String toString() {
        return "HistoryItem[version=" + version + ", " + from + " -> " + to + "]";
    }
}
