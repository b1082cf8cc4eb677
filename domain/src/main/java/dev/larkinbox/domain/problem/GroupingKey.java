package dev.larkinbox.domain.problem;

import dev.larkinbox.domain.feedback.FaultKind;
import dev.larkinbox.domain.feedback.Feedback;
import dev.larkinbox.domain.feedback.FeedbackType;
import java.util.Objects;
import java.util.Set;

/**
 * What a feedback and its problem must have in common before their descriptions are compared; a store finds the
 * candidate problems of a feedback by this key. A suggestion names no fault and its path says little, so the key
 * of a suggestion is its app and type alone and suggestions group by their description.
 *
 * @param appId      null when Lark did not say: such feedback groups only with feedback that also names no app
 * @param faultKinds the set of fault kinds: their order in the report does not matter
 * @param path       the page the feedback was filed on ({@code feedback_path}); null when Lark did not say
 */
public record GroupingKey(String appId, FeedbackType type, Set<FaultKind> faultKinds, String path) {
    public GroupingKey {
        Objects.requireNonNull(type, "type");
        faultKinds = Set.copyOf(Objects.requireNonNull(faultKinds, "faultKinds"));
        if (type == FeedbackType.SUGGESTION && (!faultKinds.isEmpty() || path != null)) {
            throw new IllegalArgumentException("a suggestion groups by app and description alone");
        }
    }

    public static GroupingKey of(Feedback feedback) {
        if (feedback.type() == FeedbackType.SUGGESTION) {
            return new GroupingKey(feedback.appId(), feedback.type(), Set.of(), null);
        }
        return new GroupingKey(feedback.appId(), feedback.type(), Set.copyOf(feedback.faultKinds()), feedback.path());
    }
}
