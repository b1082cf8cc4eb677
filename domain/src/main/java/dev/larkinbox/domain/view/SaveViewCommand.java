package dev.larkinbox.domain.view;

import java.util.Objects;

/** Save a view: the view checks its name and filter. */
public record SaveViewCommand(SavedView view) {
    /** A bar of views a person scans at a glance, not a store of every filter ever used. */
    public static final int MAX_VIEWS = 20;

    public SaveViewCommand {
        Objects.requireNonNull(view, "view");
    }

    public static SaveViewCommand of(String owner, String name, String filter) {
        return new SaveViewCommand(new SavedView(owner, name == null ? null : name.strip(), filter));
    }
}
