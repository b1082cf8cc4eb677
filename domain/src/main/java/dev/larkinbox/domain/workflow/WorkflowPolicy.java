package dev.larkinbox.domain.workflow;

import static dev.larkinbox.domain.inbox.FeedbackStatus.ACKNOWLEDGED;
import static dev.larkinbox.domain.inbox.FeedbackStatus.CLOSED;
import static dev.larkinbox.domain.inbox.FeedbackStatus.IN_PROGRESS;
import static dev.larkinbox.domain.inbox.FeedbackStatus.NEW;
import static dev.larkinbox.domain.inbox.FeedbackStatus.RESOLVED;

import dev.larkinbox.domain.inbox.FeedbackStatus;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the team works a feedback: {@code new -> acknowledged -> in_progress -> resolved | closed}, and a resolved
 * or closed feedback can be reopened to {@code acknowledged}. A pure function of the two statuses.
 */
public final class WorkflowPolicy {
    private static final Map<FeedbackStatus, Set<FeedbackStatus>> NEXT = new EnumMap<>(Map.of(
            NEW, EnumSet.of(ACKNOWLEDGED),
            ACKNOWLEDGED, EnumSet.of(IN_PROGRESS),
            IN_PROGRESS, EnumSet.of(RESOLVED, CLOSED),
            RESOLVED, EnumSet.of(ACKNOWLEDGED),
            CLOSED, EnumSet.of(ACKNOWLEDGED)));

    private WorkflowPolicy() {
    }

    /** The statuses a feedback in {@code from} may move to. */
    public static Set<FeedbackStatus> next(FeedbackStatus from) {
        return Set.copyOf(NEXT.get(from));
    }

    public static Transition decide(FeedbackStatus from, FeedbackStatus to) {
        if (from == to) {
            return new Transition(from, to, false, "the feedback is already " + to.label());
        }
        if (!NEXT.get(from).contains(to)) {
            return new Transition(from, to, false, from.label() + " can only go to " + NEXT.get(from).stream()
                    .map(FeedbackStatus::label).collect(Collectors.joining(" or ")));
        }
        return new Transition(from, to, true, switch (to) {
            case ACKNOWLEDGED -> from == NEW ? "new feedback is acknowledged" : from.label() + " feedback is reopened";
            case IN_PROGRESS -> "acknowledged feedback is taken into work";
            case RESOLVED -> "work in progress is resolved";
            case CLOSED -> "work in progress is closed";
            case NEW -> throw new IllegalStateException("no status leads back to new");
        });
    }
}
