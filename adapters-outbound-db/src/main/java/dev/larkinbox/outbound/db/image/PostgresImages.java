package dev.larkinbox.outbound.db.image;

import dev.larkinbox.domain.image.ImageCopies;
import dev.larkinbox.domain.image.ImageCopy;
import dev.larkinbox.domain.image.ImageQueue;
import dev.larkinbox.domain.image.ImageType;
import dev.larkinbox.domain.image.KeptImage;
import dev.larkinbox.domain.image.PendingImage;
import dev.larkinbox.outbound.db.postgres.LeasedOutbox;
import dev.larkinbox.outbound.db.postgres.StorageFailures;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Feedback's images in PostgreSQL: the queue of those to fetch, and the copies kept. */
@Singleton
public class PostgresImages extends LeasedOutbox<PendingImage> implements ImageQueue, ImageCopies {
    private final FeedbackImageRepository images;
    private final TransactionOperations<Connection> transactions;

    public PostgresImages(FeedbackImageRepository images, TransactionOperations<Connection> transactions) {
        super("feedback_image", "o.id, o.feedback_id, o.position, o.url, o.expires_at, o.attempts, o.refusals",
                row -> new PendingImage(row.getLong("id"), row.getString("feedback_id"), row.getInt("position"),
                        row.getString("url"), row.getObject("expires_at", java.time.OffsetDateTime.class).toInstant(),
                        row.getInt("attempts"), row.getInt("refusals")),
                transactions);
        this.images = images;
        this.transactions = transactions;
    }

    @Override
    public void kept(long id, KeptImage image, Instant at) {
        StorageFailures.writing(() -> transactions.executeWrite(status -> {
            images.kept(id, image.content(), image.type().contentType(), at);
            return null;
        }));
    }

    @Override
    public Map<String, List<ImageCopy>> copies(Collection<String> feedbackIds) {
        return StorageFailures.reading(() -> images.copies(feedbackIds.toArray(String[]::new)).stream()
                .collect(Collectors.groupingBy(ImageCopyView::feedbackId, LinkedHashMap::new,
                        Collectors.mapping(ImageCopyView::copy, Collectors.toList()))));
    }

    @Override
    public Optional<KeptImage> kept(String feedbackId, int position) {
        return StorageFailures.reading(() -> images.content(feedbackId, position)
                .map(c -> new KeptImage(ImageType.ofContentType(c.contentType()), c.content())));
    }
}
