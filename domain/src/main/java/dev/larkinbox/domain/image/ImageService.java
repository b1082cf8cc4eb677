package dev.larkinbox.domain.image;

import dev.larkinbox.domain.reason.Reason;
import dev.larkinbox.domain.sync.Backoff;
import dev.larkinbox.domain.sync.SyncReport;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps feedback's images: claims the due ones from the durable queue, fetches each under the {@link ImageRules}
 * and keeps it, or records why not. A host that cannot be reached is tried again with backoff until the image's
 * URL expires, then the image is lost; an image the rules refuse is lost at once.
 */
public final class ImageService implements KeepImages, ViewImages {
    private final ImageQueue queue;
    private final ImageCopies copies;
    private final ImageSource source;
    private final ImageRules rules;
    private final Backoff backoff;
    private final Duration lease;
    private final int batchSize;
    private final Clock clock;

    /** @param lease how long a claimed image stays hidden from other workers: longer than fetching a batch takes */
    public ImageService(ImageQueue queue, ImageCopies copies, ImageSource source, ImageRules rules, Backoff backoff,
                        Duration lease, int batchSize, Clock clock) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.copies = Objects.requireNonNull(copies, "copies");
        this.source = Objects.requireNonNull(source, "source");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.lease = Objects.requireNonNull(lease, "lease");
        if (lease.isNegative() || lease.isZero() || batchSize < 1) {
            throw new IllegalArgumentException("lease and batch size must be positive");
        }
        this.batchSize = batchSize;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public SyncReport keepDue() {
        int kept = 0;
        int retrying = 0;
        int lost = 0;
        while (true) {
            Instant now = clock.instant();
            List<PendingImage> batch = queue.claimDue(now, now.plus(lease), batchSize);
            if (batch.isEmpty()) {
                return new SyncReport(kept, retrying, lost);
            }
            for (int i = 0; i < batch.size(); i++) {
                Outcome outcome = keep(batch.get(i));
                switch (outcome.state()) {
                    case KEPT -> kept++;
                    case LOST -> lost++;
                    case PENDING -> {
                        // the host is unreachable: the rest of the batch waits as long as the image that found out
                        batch.subList(i + 1, batch.size()).forEach(rest -> queue.release(rest.id(), outcome.retryAt()));
                        return new SyncReport(kept, retrying + 1, lost);
                    }
                }
            }
        }
    }

    private record Outcome(ImageState state, Instant retryAt) {
    }

    private Outcome keep(PendingImage image) {
        Instant now = clock.instant();
        Optional<Reason> refused = rules.refusedUrl(image.url());
        if (refused.isPresent()) {
            return lost(image, refused.get());
        }
        try {
            byte[] body = source.fetch(URI.create(image.url()));
            Optional<ImageType> type = ImageType.of(body);
            if (type.isEmpty()) {
                return lost(image, ImageType.refusal(body));
            }
            queue.kept(image.id(), new KeptImage(type.get(), body), clock.instant());
            return new Outcome(ImageState.KEPT, null);
        } catch (ImageRefusedException e) {
            return lost(image, e.reason());
        } catch (ImageUnavailableException e) {
            if (!now.isBefore(image.expiresAt())) {
                return lost(image, e.untilExpiry());
            }
            Instant retryAt = now.plus(backoff.delayAfter(image.attempts() + 1));
            // one last try when the URL is about to expire, not after
            retryAt = retryAt.isAfter(image.expiresAt()) ? image.expiresAt() : retryAt;
            queue.retryLater(image.id(), false, retryAt, e.getMessage());
            return new Outcome(ImageState.PENDING, retryAt);
        }
    }

    private Outcome lost(PendingImage image, Reason why) {
        queue.abandon(image.id(), clock.instant(), why);
        return new Outcome(ImageState.LOST, null);
    }

    @Override
    public Map<String, List<ImageCopy>> copies(Collection<String> feedbackIds) {
        return feedbackIds.isEmpty() ? Map.of() : copies.copies(feedbackIds);
    }

    @Override
    public Optional<KeptImage> image(ImageRequest request) {
        return copies.kept(request.feedbackId(), request.position());
    }
}
