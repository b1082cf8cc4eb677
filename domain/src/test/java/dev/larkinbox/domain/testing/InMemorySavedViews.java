package dev.larkinbox.domain.testing;

import dev.larkinbox.domain.view.SavedView;
import dev.larkinbox.domain.view.SavedViews;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Each person's views in memory, for the pages' tests and as the reference the database's are held to. */
public final class InMemorySavedViews implements SavedViews {
    private final Map<String, Map<String, SavedView>> byOwner = new ConcurrentHashMap<>();

    @Override
    public List<SavedView> views(String owner) {
        return byOwner.getOrDefault(owner, Map.of()).values().stream()
                .sorted(Comparator.comparing(SavedView::name)).toList();
    }

    @Override
    public void save(SavedView view) {
        byOwner.computeIfAbsent(view.owner(), o -> new ConcurrentHashMap<>()).put(view.name(), view);
    }

    @Override
    public boolean delete(String owner, String name) {
        return byOwner.getOrDefault(owner, Map.of()).remove(name) != null;
    }
}
