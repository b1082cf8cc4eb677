package dev.larkinbox.domain.triage;

import dev.larkinbox.domain.feedback.FaultKind;
import dev.larkinbox.domain.feedback.Feedback;
import dev.larkinbox.domain.feedback.FeedbackType;
import dev.larkinbox.domain.reason.Reason;
import java.util.ArrayList;
import java.util.List;

/**
 * The triage a team gets out of the box.
 * <ul>
 *   <li>A fault that stops the app being used (crash, freeze, black screen, white screen, cannot open): P1, stability.</li>
 *   <li>A fault that makes it slow (lag, slow page load): P2, performance.</li>
 *   <li>Any other fault, a fault of a kind Lark added later, or a fault that names no kind: P3, other_fault.</li>
 *   <li>A suggestion: P4, suggestion.</li>
 *   <li>A feedback type Lark added later: P3, unclassified, so that a person looks at it.</li>
 * </ul>
 * With several fault kinds the most urgent decides; every kind that fired is a reason. Fault kinds or images left
 * out (beyond the caps of {@link Feedback}) are a reason too, so that a person knows to look at the raw event.
 */
public final class DefaultTriagePolicy implements TriagePolicy {

    private record Rule(Priority priority, String category) {
    }

    private static final Rule STABILITY = new Rule(Priority.P1, "stability");
    private static final Rule PERFORMANCE = new Rule(Priority.P2, "performance");
    private static final Rule OTHER_FAULT = new Rule(Priority.P3, "other_fault");

    @Override
    public Triage triage(Feedback feedback) {
        Triage triage = byKind(feedback);
        List<Reason> reasons = new ArrayList<>(triage.reasons());
        if (feedback.omittedFaultKinds() > 0) {
            reasons.add(Reason.of("triage.omitted-kinds", feedback.omittedFaultKinds(), Feedback.MAX_FAULT_KINDS));
        }
        if (feedback.omittedImages() > 0) {
            reasons.add(Reason.of("triage.omitted-images", feedback.omittedImages(), Feedback.MAX_IMAGES));
        }
        return reasons.size() == triage.reasons().size() ? triage
                : new Triage(triage.priority(), triage.category(), reasons);
    }

    private static Triage byKind(Feedback feedback) {
        FeedbackType type = feedback.type();
        if (type == FeedbackType.SUGGESTION) {
            return new Triage(Priority.P4, "suggestion", List.of(Reason.of("triage.suggestion")));
        }
        if (type != FeedbackType.FAULT) {
            return new Triage(Priority.P3, "unclassified",
                    List.of(Reason.of("triage.type-unknown", type.code())));
        }
        if (feedback.faultKinds().isEmpty()) {
            return new Triage(OTHER_FAULT.priority(), OTHER_FAULT.category(), List.of(Reason.of("triage.no-kind")));
        }
        List<Reason> reasons = new ArrayList<>();
        Rule decisive = null;
        for (FaultKind kind : feedback.faultKinds()) {
            Rule rule = ruleFor(kind);
            reasons.add(reason(kind, rule));
            if (decisive == null || rule.priority().compareTo(decisive.priority()) < 0) {
                decisive = rule;
            }
        }
        return new Triage(decisive.priority(), decisive.category(), reasons.stream().distinct().toList());
    }

    private static Rule ruleFor(FaultKind kind) {
        if (!(kind instanceof FaultKind.Known known)) {
            return OTHER_FAULT;
        }
        return switch (known) {
            case CRASH, FREEZE, BLACK_SCREEN, WHITE_SCREEN, CANNOT_OPEN -> STABILITY;
            case LAG, SLOW_PAGE_LOAD -> PERFORMANCE;
            case OTHER -> OTHER_FAULT;
        };
    }

    private static Reason reason(FaultKind kind, Rule rule) {
        return kind.isKnown() ? Reason.of("triage.fault-kind", kind.label(), rule.priority(), rule.category())
                : Reason.of("triage.unknown-kind", kind.code(), rule.priority(), rule.category());
    }
}
