package dev.larkinbox.outbound.db;

import dev.larkinbox.domain.testing.SavedViewsContract;
import dev.larkinbox.domain.view.SavedViews;
import io.micronaut.context.ApplicationContext;

class PostgresSavedViewsTest extends SavedViewsContract {
    @Override
    protected SavedViews emptyStore() {
        ApplicationContext ctx = PostgresTestDatabase.context();
        PostgresTestDatabase.execute(ctx, "TRUNCATE saved_view");
        return ctx.getBean(SavedViews.class);
    }
}
