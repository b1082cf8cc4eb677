package dev.larkinbox.inbound.web;

import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.triage.Priority;
import dev.larkinbox.inbound.web.language.Reader;
import io.micronaut.core.annotation.Nullable;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The filters every list offers, read from what the URL says. What a person typed is kept in the form even when it
 * cannot be a filter; the reason goes among the errors shown beside it and the filter matches everything.
 */
public final class Filters {
    private Filters() {
    }

    /** @param status a status's label, {@code open}, or null for any */
    public static Set<FeedbackStatus> statuses(@Nullable String status, List<String> errors, Reader reader) {
        if (status == null) {
            return Set.of();
        }
        try {
            return FeedbackStatus.matching(status);
        } catch (IllegalArgumentException e) {
            errors.add(reader.text("error.filter.status"));
            return Set.of();
        }
    }

    /** @param priority P1 to P4, several separated by commas ({@code P1,P2}), or null for any */
    public static Set<Priority> priorities(@Nullable String priority, List<String> errors, Reader reader) {
        if (priority == null) {
            return Set.of();
        }
        try {
            return Arrays.stream(priority.split(",", -1)).map(p -> Priority.valueOf(p.strip()))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IllegalArgumentException e) {
            errors.add(reader.text("error.filter.priority"));
            return Set.of();
        }
    }
}
