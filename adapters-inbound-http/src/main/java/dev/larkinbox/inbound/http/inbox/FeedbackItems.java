package dev.larkinbox.inbound.http.inbox;

import dev.larkinbox.domain.image.ImageCopy;
import dev.larkinbox.domain.image.ViewImages;
import dev.larkinbox.domain.inbox.TriagedFeedback;
import dev.larkinbox.domain.paging.Page;
import dev.larkinbox.inbound.http.api.ItemPage;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/** Feedback as the API shows it, with the copies of its images: those of a page read at once. */
@Singleton
public class FeedbackItems {
    private final ViewImages images;

    FeedbackItems(ViewImages images) {
        this.images = images;
    }

    public FeedbackItem one(TriagedFeedback item) {
        return FeedbackItem.of(item, images.copies(item.feedback().feedbackId()));
    }

    public ItemPage<FeedbackItem> page(Page<TriagedFeedback> page) {
        Map<String, List<ImageCopy>> copies = images.copies(page.items().stream()
                .filter(item -> !item.feedback().images().isEmpty()).map(item -> item.feedback().feedbackId())
                .toList());
        return ItemPage.of(page, item -> FeedbackItem.of(item,
                copies.getOrDefault(item.feedback().feedbackId(), List.of())));
    }
}
