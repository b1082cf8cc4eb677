package dev.larkinbox.domain.workflow;

import static dev.larkinbox.domain.inbox.FeedbackStatus.ACKNOWLEDGED;
import static dev.larkinbox.domain.inbox.FeedbackStatus.CLOSED;
import static dev.larkinbox.domain.inbox.FeedbackStatus.IN_PROGRESS;
import static dev.larkinbox.domain.inbox.FeedbackStatus.NEW;
import static dev.larkinbox.domain.inbox.FeedbackStatus.RESOLVED;

import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.reason.Reason;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the team works a feedback: {@code new -> acknowledged -> in_progress -> resolved | closed}, and a resolved
 * or closed feedback can be reopened to {@code acknowledged}. A feedback still open may also jump ahead: be taken
 * into work, resolved or closed from any open status before, in one move. A pure function of the two statuses.
 * <p>
 * A jump is one move a person made, so it is one history entry from where the feedback was to where it went (the
 * steps in between were never taken), and Lark is sent the status it ends in: Lark's console sets any of its
 * statuses from any other, so every move here is one Lark takes.
 */
public final class WorkflowPolicy {
    private static final Map<FeedbackStatus, Set<FeedbackStatus>> NEXT = new EnumMap<>(Map.of(
            NEW, EnumSet.of(ACKNOWLEDGED, IN_PROGRESS, RESOLVED, CLOSED),
            ACKNOWLEDGED, EnumSet.of(IN_PROGRESS, RESOLVED, CLOSED),
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
            return new Transition(from, to, false, Reason.of("workflow.already", to.label()));
        }
        if (!NEXT.get(from).contains(to)) {
            return new Transition(from, to, false, onlyTo(from, NEXT.get(from)));
        }
        return new Transition(from, to, true, switch (to) {
            case ACKNOWLEDGED -> from == NEW ? Reason.of("workflow.acknowledged")
                    : Reason.of("workflow.reopened", from.label());
            case IN_PROGRESS -> Reason.of("workflow.taken", from.label());
            case RESOLVED -> from == IN_PROGRESS ? Reason.of("workflow.resolved")
                    : Reason.of("workflow.resolved-in-one-move", from.label());
            case CLOSED -> from == IN_PROGRESS ? Reason.of("workflow.closed")
                    : Reason.of("workflow.closed-in-one-move", from.label());
            case NEW -> throw new IllegalStateException("no status leads back to new");
        });
    }

    /** "a can only go to b", "... b or c", "... b, c or d": one key per count of statuses, in their order. */
    private static Reason onlyTo(FeedbackStatus from, Set<FeedbackStatus> statuses) {
        List<String> args = new ArrayList<>();
        args.add(from.label());
        statuses.stream().sorted().map(FeedbackStatus::label).forEach(args::add);
        return new Reason("workflow.only." + statuses.size(), args);
    }
}
