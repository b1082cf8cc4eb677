package dev.larkinbox.domain.triage;

import dev.larkinbox.domain.feedback.Feedback;

/** A pure function from a feedback to its triage, with the reasons that produced it. */
@FunctionalInterface
public interface TriagePolicy {
    Triage triage(Feedback feedback);
}
