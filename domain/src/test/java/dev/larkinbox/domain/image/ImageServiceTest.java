package dev.larkinbox.domain.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.reason.Reason;
import dev.larkinbox.domain.sync.Backoff;
import dev.larkinbox.domain.sync.SyncReport;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImageServiceTest {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 1, 2, 3};
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final ImageRules RULES = new ImageRules(ImageOrigins.parse("https://*.byteimg.com"), 100);

    private final MutableClock clock = new MutableClock(START);
    private final FakeQueue queue = new FakeQueue();
    private final List<URI> fetched = new ArrayList<>();

    @Test
    void anUnreachableHostIsTriedWithBackoffUntilTheUrlExpiresThenTheImageIsLost() {
        queue.add(new PendingImage(1, "f1", 0, "https://p6.byteimg.com/a.png", START.plus(Duration.ofDays(3)), 0, 0));
        ImageService service = service(url -> {
            throw new ImageUnavailableException("answered", null, 503);
        });
        int runs = 0;
        for (SyncReport run = service.keepDue(); queue.lost.isEmpty(); run = service.keepDue()) {
            assertEquals(new SyncReport(0, 1, 0), run);
            clock.now = queue.dueAt.get(1L);
            runs++;
        }
        assertEquals(Reason.of("image.expired.answered", 503), queue.lost.get(1L));
        assertEquals("host answered 503; tried until its URL expired", queue.lost.get(1L).english());
        assertEquals("主机回应 503；一直重试到其 URL 过期", queue.lost.get(1L).text(Locale.SIMPLIFIED_CHINESE));
        assertEquals(START.plus(Duration.ofDays(3)), clock.now, "its last try when the URL expired");
        // 5 s doubling up to 10 min, then every 10 min for three days: about 440 tries, not one a second
        assertTrue(runs > 3 * 24 * 6 && runs < 3 * 24 * 6 + 20, "tries: " + runs);
    }

    @Test
    void aHostBackUpGetsTheImageKeptAndRefusalsAreLostAtOnceWithTheirReason() {
        queue.add(new PendingImage(1, "f1", 0, "https://p6.byteimg.com/a.png", START.plus(Duration.ofDays(3)), 0, 0));
        queue.add(new PendingImage(2, "f1", 1, "https://p6.byteimg.com/a.svg", START.plus(Duration.ofDays(3)), 0, 0));
        queue.add(new PendingImage(3, "f1", 2, "http://169.254.169.254/", START.plus(Duration.ofDays(3)), 0, 0));
        queue.add(new PendingImage(4, "f1", 3, "https://p6.byteimg.com/big", START.plus(Duration.ofDays(3)), 0, 0));
        boolean[] down = {true};
        ImageService service = service(url -> {
            if (down[0]) {
                throw new ImageUnavailableException("unreachable", null, "ConnectException");
            }
            return switch (url.getPath()) {
                case "/a.png" -> PNG;
                case "/a.svg" -> "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes();
                default -> throw new ImageRefusedException(Reason.of("image.too-large", 100));
            };
        });
        assertEquals(new SyncReport(0, 1, 0), service.keepDue());
        assertEquals(1, fetched.size(), "the rest of the batch waits while the host is down");
        down[0] = false;
        clock.now = clock.now.plus(Duration.ofMinutes(1));

        assertEquals(new SyncReport(1, 0, 3), service.keepDue());
        assertArrayEquals(PNG, queue.kept.get(1L).content());
        assertEquals(ImageType.PNG, queue.kept.get(1L).type());
        assertEquals(Reason.of("image.not-an-image.svg"), queue.lost.get(2L));
        assertEquals(Reason.of("image.host-not-allowed", "http://169.254.169.254"), queue.lost.get(3L));
        assertEquals(Reason.of("image.too-large", 100), queue.lost.get(4L));
        assertTrue(fetched.stream().noneMatch(u -> u.getHost().equals("169.254.169.254")), fetched.toString());
    }

    private ImageService service(ImageSource source) {
        ImageSource recording = url -> {
            fetched.add(url);
            return source.fetch(url);
        };
        return new ImageService(queue, queue, recording, RULES, new Backoff(Duration.ofSeconds(5),
                Duration.ofMinutes(10)), Duration.ofMinutes(2), 10, clock);
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** The queue's contract in memory: a claimed image is hidden until its lease ends or it is released. */
    private static final class FakeQueue implements ImageQueue, ImageCopies {
        final Map<Long, PendingImage> pending = new HashMap<>();
        final Map<Long, Instant> dueAt = new HashMap<>();
        final Map<Long, KeptImage> kept = new HashMap<>();
        final Map<Long, Reason> lost = new HashMap<>();

        void add(PendingImage image) {
            pending.put(image.id(), image);
            dueAt.put(image.id(), Instant.MIN);
        }

        @Override
        public List<PendingImage> claimDue(Instant now, Instant leaseUntil, int max) {
            List<PendingImage> due = pending.values().stream().filter(p -> !dueAt.get(p.id()).isAfter(now))
                    .sorted((a, b) -> Long.compare(a.id(), b.id())).limit(max).toList();
            due.forEach(p -> dueAt.put(p.id(), leaseUntil));
            return due;
        }

        @Override
        public void kept(long id, KeptImage image, Instant at) {
            pending.remove(id);
            kept.put(id, image);
        }

        @Override
        public void delivered(long id, Instant at) {
            throw new UnsupportedOperationException("an image is kept, with its bytes");
        }

        @Override
        public void retryLater(long id, boolean refused, Instant nextAttemptAt, String error) {
            PendingImage p = pending.get(id);
            pending.put(id, new PendingImage(id, p.feedbackId(), p.position(), p.url(), p.expiresAt(),
                    p.attempts() + 1, p.refusals()));
            dueAt.put(id, nextAttemptAt);
        }

        @Override
        public void release(long id, Instant at) {
            dueAt.put(id, at);
        }

        @Override
        public void abandon(long id, Instant at, Reason why) {
            pending.remove(id);
            lost.put(id, why);
        }

        @Override
        public Map<String, List<ImageCopy>> copies(Collection<String> feedbackIds) {
            return Map.of();
        }

        @Override
        public Optional<KeptImage> kept(String feedbackId, int position) {
            return Optional.empty();
        }
    }
}
