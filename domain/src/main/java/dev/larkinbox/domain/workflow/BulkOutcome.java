package dev.larkinbox.domain.workflow;

import dev.larkinbox.domain.reason.Reason;
import dev.larkinbox.domain.validation.Text;
import java.util.List;
import java.util.Objects;

/**
 * What a bulk change did (or, previewed, would do) to the feedback it selected.
 *
 * @param changed    how many were changed
 * @param unchanged  how many already were as asked: nothing to do
 * @param notApplied why the change does not apply to those it does not, at most {@value #MAX_LISTED} of them
 * @param notAppliedCount how many it does not apply to, listed or not
 */
public record BulkOutcome(long changed, long unchanged, List<NotApplied> notApplied, long notAppliedCount) {
    public static final int MAX_LISTED = 100;

    public BulkOutcome {
        notApplied = List.copyOf(Objects.requireNonNull(notApplied, "notApplied"));
        if (changed < 0 || unchanged < 0 || notAppliedCount < notApplied.size() || notApplied.size() > MAX_LISTED) {
            throw new IllegalArgumentException("counts must not be negative and cover the listed");
        }
    }

    /** How many the change selected. */
    public long selected() {
        return changed + unchanged + notAppliedCount;
    }

    /** A feedback the change does not apply to, and why (no personal data: it is shown and sent to API clients). */
    public record NotApplied(String feedbackId, Reason reason) {
        public NotApplied {
            Text.requireNonBlank(feedbackId, "feedbackId");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
