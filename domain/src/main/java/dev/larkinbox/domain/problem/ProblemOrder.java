package dev.larkinbox.domain.problem;

import dev.larkinbox.domain.label.Labelled;

/** In which order problems are listed; ties go to the problem seen last. */
public enum ProblemOrder implements Labelled {
    /** The one reported most recently first. */
    LAST_SEEN,
    /** The one with the most reports first. */
    COUNT;

    public static ProblemOrder fromLabel(String label) {
        return Labelled.fromLabel(ProblemOrder.class, label, "order");
    }
}
