package dev.larkinbox.inbound.web.support;

import dev.larkinbox.domain.event.UserRef;
import dev.larkinbox.domain.feedback.FaultKind;
import dev.larkinbox.domain.feedback.Feedback;
import dev.larkinbox.domain.feedback.FeedbackSource;
import dev.larkinbox.domain.feedback.FeedbackType;
import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.testing.InMemoryStore;
import dev.larkinbox.domain.testing.SampleEvents;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Feedback arriving in the store the pages read, each test with ids and an app of its own. */
public final class Arrivals {
    private static final AtomicLong NEXT = new AtomicLong(System.nanoTime());

    private Arrivals() {
    }

    /** An id no other test uses, so that tests sharing a server see only their own data. */
    public static String unique(String prefix) {
        return prefix + NEXT.incrementAndGet();
    }

    /** A fault report of the app, with this description and one image, new and unassigned; returns its id. */
    public static String fault(InMemoryStore store, String appId, FaultKind kind, String description,
                               Instant receivedAt) {
        String feedbackId = unique("fb_");
        var feedback = new Feedback(feedbackId, appId, "Tenant One", new UserRef("ou_reporter", null, null),
                FeedbackType.FAULT, List.of(kind), FeedbackSource.MINI_PROGRAM,
                LocalDateTime.parse("2024-05-01T16:00:00"), null, description, "reporter@example.com",
                List.of("https://example.com/screenshot.png"), "pages/cart/index");
        String eventId = unique("ev_");
        store.add(SampleEvents.triaged(SampleEvents.meta(eventId, SampleEvents.FEEDBACK_CREATED, receivedAt),
                feedback, FeedbackStatus.NEW), SampleEvents.rawEvent(eventId), false);
        return feedbackId;
    }
}
