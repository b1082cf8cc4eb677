package dev.larkinbox.domain.triage;

import dev.larkinbox.domain.reason.Reason;
import dev.larkinbox.domain.validation.Text;
import java.util.List;
import java.util.Objects;

/**
 * The verdict of a triage policy.
 *
 * @param category what sort of problem it is, in snake_case (such as {@code stability})
 * @param reasons  the rules that fired; never empty
 */
public record Triage(Priority priority, String category, List<Reason> reasons) {
    public Triage {
        Objects.requireNonNull(priority, "priority");
        Text.requireNonBlank(category, "category");
        reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("a triage must say why");
        }
    }
}
