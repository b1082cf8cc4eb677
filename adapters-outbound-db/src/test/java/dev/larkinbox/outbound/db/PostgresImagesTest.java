package dev.larkinbox.outbound.db;

import static dev.larkinbox.domain.testing.SampleEvents.T0;
import static dev.larkinbox.domain.testing.SampleEvents.feedback;
import static dev.larkinbox.domain.testing.SampleEvents.rawEvent;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.image.ImageCopies;
import dev.larkinbox.domain.image.ImageCopy;
import dev.larkinbox.domain.image.ImageQueue;
import dev.larkinbox.domain.image.ImageState;
import dev.larkinbox.domain.image.ImageType;
import dev.larkinbox.domain.image.KeptImage;
import dev.larkinbox.domain.image.PendingImage;
import dev.larkinbox.domain.reason.Reason;
import dev.larkinbox.domain.testing.WorkflowPorts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Feedback's images on PostgreSQL: queued with their feedback, claimed by one worker at a time, kept as bytes. */
class PostgresImagesTest {
    private static final Instant NOW = T0.plus(Duration.ofMinutes(1));
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 1, 2};

    private WorkflowPorts ports;
    private ImageQueue queue;
    private ImageCopies copies;

    @BeforeEach
    void emptyStore() {
        ports = PostgresTestDatabase.emptyWorkflowStore();
        queue = PostgresTestDatabase.context().getBean(ImageQueue.class);
        copies = PostgresTestDatabase.context().getBean(ImageCopies.class);
    }

    @Test
    void eachImageIsQueuedWithItsFeedbackOnceHoweverOftenTheFeedbackComesAndExpiresThreeDaysAfterIt() {
        ports.inbox().add(feedback("ev-1", "fb-1", T0), rawEvent("ev-1"), false);
        ports.inbox().add(feedback("ev-1", "fb-1", T0), rawEvent("ev-1"), false);
        ports.inbox().add(feedback("ev-2", "fb-1", T0), rawEvent("ev-2"), false);

        List<PendingImage> due = queue.claimDue(NOW, NOW.plusSeconds(60), 10);
        assertEquals(1, due.size());
        PendingImage image = due.get(0);
        assertEquals("fb-1", image.feedbackId());
        assertEquals(0, image.position());
        assertEquals("https://p6-lark-openplatform-image-sign.byteimg.com/a", image.url());
        assertEquals(T0.plus(Duration.ofDays(3)).toEpochMilli(), image.expiresAt().toEpochMilli());
        assertEquals(Map.of("fb-1", List.of(new ImageCopy(0, ImageState.PENDING, null, null, 0))),
                copies.copies(List.of("fb-1", "fb-unknown")));
    }

    @Test
    void twoWorkersClaimingAtOnceNeverGetTheSameImageAndALeasedOneWaitsForItsLease() throws Exception {
        for (int i = 0; i < 20; i++) {
            ports.inbox().add(feedback("ev-" + i, "fb-" + i, T0), rawEvent("ev-" + i), false);
        }
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            Callable<List<PendingImage>> claim = () -> queue.claimDue(NOW, NOW.plusSeconds(60), 7);
            List<Future<List<PendingImage>>> claims = List.of(workers.submit(claim), workers.submit(claim));
            List<Long> ids = new ArrayList<>();
            for (Future<List<PendingImage>> c : claims) {
                c.get().forEach(p -> ids.add(p.id()));
            }
            assertEquals(14, ids.size());
            assertEquals(14, new HashSet<>(ids).size(), "no image claimed twice: " + ids);
        } finally {
            workers.shutdownNow();
        }
        Set<Long> rest = new HashSet<>();
        queue.claimDue(NOW, NOW.plusSeconds(60), 100).forEach(p -> rest.add(p.id()));
        assertEquals(6, rest.size(), "the others' leases hold");
        assertEquals(20, queue.claimDue(NOW.plusSeconds(61), NOW.plusSeconds(120), 100).size(),
                "a worker that died with its images leaves them to be claimed again once its lease ends");
    }

    @Test
    void aKeptImageIsReadBackByteForByteALostOneSaysWhy() {
        ports.inbox().add(feedback("ev-1", "fb-1", T0), rawEvent("ev-1"), false);
        ports.inbox().add(feedback("ev-2", "fb-2", T0), rawEvent("ev-2"), false);
        ports.inbox().add(feedback("ev-3", "fb-3", T0), rawEvent("ev-3"), false);
        List<PendingImage> due = queue.claimDue(NOW, NOW.plusSeconds(60), 10);
        queue.kept(due.get(0).id(), new KeptImage(ImageType.PNG, PNG), NOW);
        queue.abandon(due.get(1).id(), NOW, Reason.of("image.not-an-image.svg"));
        // as an image was lost before reasons had keys
        queue.abandon(due.get(2).id(), NOW, Reason.of("image.answered", 404));
        PostgresTestDatabase.execute(PostgresTestDatabase.context(),
                "UPDATE feedback_image SET last_error = 'host answered 404' WHERE id = " + due.get(2).id());

        KeptImage kept = copies.kept(due.get(0).feedbackId(), 0).orElseThrow();
        assertArrayEquals(PNG, kept.content());
        assertEquals(ImageType.PNG, kept.type());
        assertTrue(copies.kept(due.get(1).feedbackId(), 0).isEmpty());
        assertEquals(Map.of(
                due.get(0).feedbackId(), List.of(new ImageCopy(0, ImageState.KEPT, null, "image/png", PNG.length)),
                due.get(1).feedbackId(), List.of(new ImageCopy(0, ImageState.LOST,
                        Reason.of("image.not-an-image.svg"), null, 0)),
                due.get(2).feedbackId(), List.of(new ImageCopy(0, ImageState.LOST,
                        Reason.verbatim("host answered 404"), null, 0))),
                copies.copies(List.of("fb-1", "fb-2", "fb-3")));
        assertEquals(List.of(), queue.claimDue(NOW.plus(Duration.ofDays(9)), NOW.plus(Duration.ofDays(10)), 10),
                "neither is fetched again");
    }
}
