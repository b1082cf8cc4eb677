package dev.larkinbox.domain.testing;

import dev.larkinbox.domain.view.SavedViews;

class InMemorySavedViewsTest extends SavedViewsContract {
    @Override
    protected SavedViews emptyStore() {
        return new InMemorySavedViews();
    }
}
