package dev.larkinbox.domain.view;

import java.util.List;

/** Use case: a person saves filters of the inbox as views of their own, and deletes them. */
public interface KeepViews {
    List<SavedView> views(String owner);

    /** @throws TooManyViewsException when the view is new and the owner has {@link SaveViewCommand#MAX_VIEWS} */
    void save(SaveViewCommand command);

    /** @return whether there was such a view */
    boolean delete(String owner, String name);
}
