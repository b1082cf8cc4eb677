package dev.larkinbox.outbound.db.view;

import static dev.larkinbox.outbound.db.postgres.PostgresText.storable;

import dev.larkinbox.domain.view.SavedView;
import dev.larkinbox.domain.view.SavedViews;
import dev.larkinbox.outbound.db.postgres.StorageFailures;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;

/** The views each person saved, in PostgreSQL: every instance of the service shows a person the same ones. */
@Singleton
public class PostgresSavedViews implements SavedViews {
    private final SavedViewRepository views;
    private final Clock clock = Clock.systemUTC();

    public PostgresSavedViews(SavedViewRepository views) {
        this.views = views;
    }

    @Override
    public List<SavedView> views(String owner) {
        return StorageFailures.reading(() -> views.views(storable(owner))).stream()
                .map(r -> new SavedView(r.owner(), r.name(), r.filter())).toList();
    }

    @Override
    public void save(SavedView view) {
        StorageFailures.writing(() -> {
            views.save(storable(view.owner()), storable(view.name()), storable(view.filter()), clock.instant());
            return null;
        });
    }

    @Override
    public boolean delete(String owner, String name) {
        return StorageFailures.writing(() -> views.delete(storable(owner), storable(name))) > 0;
    }
}
