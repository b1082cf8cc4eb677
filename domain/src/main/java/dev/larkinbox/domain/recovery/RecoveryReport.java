package dev.larkinbox.domain.recovery;

import java.util.List;
import java.util.Objects;

/**
 * What one recovery did.
 *
 * @param listed    how many feedback Lark listed
 * @param recovered the ids of the feedback it added to the inbox, in the order Lark listed them
 */
public record RecoveryReport(int listed, List<String> recovered) {
    public RecoveryReport {
        recovered = List.copyOf(Objects.requireNonNull(recovered, "recovered"));
        if (listed < recovered.size()) {
            throw new IllegalArgumentException("cannot recover more than was listed");
        }
    }
}
