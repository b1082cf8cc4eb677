package dev.larkinbox.domain.view;

import java.util.List;

/** Outgoing port: the views each person saved. */
public interface SavedViews {
    /** The owner's views, by name. */
    List<SavedView> views(String owner);

    /** Keeps the view; one of the owner's with the same name is replaced. */
    void save(SavedView view);

    /** @return whether the owner had a view of that name */
    boolean delete(String owner, String name);
}
