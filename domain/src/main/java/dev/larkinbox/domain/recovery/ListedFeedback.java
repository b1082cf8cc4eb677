package dev.larkinbox.domain.recovery;

import dev.larkinbox.domain.feedback.Feedback;
import java.util.Objects;

/**
 * A feedback as Lark's open API lists it.
 *
 * @param larkStatus the status in Lark's console (0 unmarked .. 3 closed); null when Lark did not say
 * @param raw        the listing's JSON of this feedback, kept with it as an event's JSON would be
 */
public record ListedFeedback(Feedback feedback, Integer larkStatus, String raw) {
    public ListedFeedback {
        Objects.requireNonNull(feedback, "feedback");
        Objects.requireNonNull(raw, "raw");
    }

    /** Personal data stays out of logs. */
    @Override
    public String toString() {
        return "ListedFeedback[" + feedback + ", larkStatus=" + larkStatus + "]";
    }
}
