package dev.larkinbox.domain.recovery;

import java.util.List;
import java.util.Objects;

/** @param nextPageToken null on the last page */
public record ListedPage(List<ListedFeedback> items, String nextPageToken) {
    public ListedPage {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
    }
}
