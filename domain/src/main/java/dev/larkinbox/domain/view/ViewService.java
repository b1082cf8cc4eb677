package dev.larkinbox.domain.view;

import java.util.List;
import java.util.Objects;

/** Keeps each person's views in the store. */
public final class ViewService implements KeepViews {
    private final SavedViews store;

    public ViewService(SavedViews store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public List<SavedView> views(String owner) {
        return store.views(owner);
    }

    @Override
    public void save(SaveViewCommand command) {
        SavedView view = command.view();
        List<SavedView> existing = store.views(view.owner());
        boolean replaces = existing.stream().anyMatch(v -> v.name().equals(view.name()));
        if (!replaces && existing.size() >= SaveViewCommand.MAX_VIEWS) {
            throw new TooManyViewsException();
        }
        store.save(view);
    }

    @Override
    public boolean delete(String owner, String name) {
        return store.delete(owner, name);
    }
}
