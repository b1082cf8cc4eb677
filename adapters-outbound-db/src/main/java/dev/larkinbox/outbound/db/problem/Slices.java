package dev.larkinbox.outbound.db.problem;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A list per row of a batch, as a statement binds it: PostgreSQL has no array of arrays of different lengths, so the
 * lists are one flat array and each row's list is its slice {@code (flat)[first : last]} (1-based, inclusive; an
 * empty list is a slice that ends before it begins).
 */
record Slices<T>(List<T> flat, int[] first, int[] last) {

    static <T> Slices<T> of(List<? extends Collection<T>> rows) {
        List<T> flat = new ArrayList<>();
        int[] first = new int[rows.size()];
        int[] last = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            first[i] = flat.size() + 1;
            flat.addAll(rows.get(i));
            last[i] = flat.size();
        }
        return new Slices<>(flat, first, last);
    }
}
