package dev.larkinbox.domain.image;

import dev.larkinbox.domain.sync.Outbox;
import java.time.Instant;

/**
 * Outgoing port: the durable queue of images to fetch, written in the transaction of their feedback. A claimed
 * image is hidden from other workers for its lease; {@link #abandon} records it as lost, with why.
 */
public interface ImageQueue extends Outbox<PendingImage> {

    /** Keeps the image's bytes and ends its entry, in one transaction. */
    void kept(long id, KeptImage image, Instant at);
}
