package dev.larkinbox.domain.problem;

import dev.larkinbox.domain.validation.Text;

/** The likely duplicates of a problem, at most {@code max} (1 to {@value #MAX}). */
public record FindLikelyDuplicatesQuery(String problemId, int max) {
    public static final int MAX = 20;

    public FindLikelyDuplicatesQuery {
        Text.requireNonBlank(problemId, "problemId");
        if (max < 1 || max > MAX) {
            throw new IllegalArgumentException("max must be between 1 and " + MAX);
        }
    }
}
