package dev.larkinbox.domain.image;

import dev.larkinbox.domain.sync.OutboxEntry;
import java.time.Instant;
import java.util.Objects;

/**
 * An image to fetch, as a worker claims it.
 *
 * @param url       Lark's signed URL
 * @param expiresAt when that URL stops working: tried until then, lost after
 */
public record PendingImage(long id, String feedbackId, int position, String url, Instant expiresAt, int attempts,
                           int refusals) implements OutboxEntry {

    public PendingImage {
        Objects.requireNonNull(feedbackId, "feedbackId");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** The signed URL is a credential of sorts: it stays out of logs. */
    @Override
    public String toString() {
        return "PendingImage[id=" + id + ", feedbackId=" + feedbackId + ", position=" + position + "]";
    }
}
