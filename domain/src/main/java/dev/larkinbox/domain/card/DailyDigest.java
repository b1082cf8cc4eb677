package dev.larkinbox.domain.card;

import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.inbox.TriagedFeedback;
import dev.larkinbox.domain.triage.Priority;
import dev.larkinbox.domain.validation.Text;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one card a day tells the team's chat: open feedback by priority, the longest waiting ones and what changed
 * since yesterday. Like {@link FeedbackCard} it never shows the contact or a user id (nor the description).
 *
 * @param day            the day in the digest's zone the card is for: one card per chat and day
 * @param openByPriority open feedback per priority, every priority present
 * @param oldest         the open feedback waiting longest, oldest first, at most {@link #OLDEST}
 * @param arrived        feedback received in the day before the digest
 * @param resolved       feedback resolved or closed in the day before the digest
 */
public record DailyDigest(LocalDate day, Map<Priority, Long> openByPriority, List<Waiting> oldest, long arrived,
                          long resolved) {
    public static final int OLDEST = 5;

    public DailyDigest {
        Objects.requireNonNull(day, "day");
        var counts = new EnumMap<Priority, Long>(Priority.class);
        for (Priority p : Priority.values()) {
            long n = Objects.requireNonNull(openByPriority, "openByPriority").getOrDefault(p, 0L);
            if (n < 0) {
                throw new IllegalArgumentException("a count cannot be negative");
            }
            counts.put(p, n);
        }
        openByPriority = counts;
        oldest = List.copyOf(oldest);
        if (oldest.size() > OLDEST) {
            throw new IllegalArgumentException("a digest shows at most " + OLDEST + " oldest feedback");
        }
        if (arrived < 0 || resolved < 0) {
            throw new IllegalArgumentException("a count cannot be negative");
        }
    }

    /** An open feedback as the digest lists it: what it is and how long it has waited. */
    public record Waiting(Priority priority, String category, Duration age, URI link) {
        public Waiting {
            Objects.requireNonNull(priority, "priority");
            Text.requireNonBlank(category, "category");
            if (age == null || age.isNegative()) {
                throw new IllegalArgumentException("age must not be negative");
            }
        }
    }

    /**
     * @param openOldestFirst open feedback, oldest first; only the first {@link #OLDEST} are listed
     * @param publicUrl       where the web inbox is served, for the links; null for none
     */
    public static DailyDigest of(LocalDate day, Instant now, Map<Priority, Long> openByPriority,
                                 List<TriagedFeedback> openOldestFirst, long arrived, long resolved, URI publicUrl) {
        List<Waiting> oldest = openOldestFirst.stream()
                .sorted(Comparator.comparing(item -> item.meta().receivedAt()))
                .limit(OLDEST)
                .map(item -> waiting(item, now, publicUrl))
                .toList();
        return new DailyDigest(day, openByPriority, oldest, arrived, resolved);
    }

    private static Waiting waiting(TriagedFeedback item, Instant now, URI publicUrl) {
        if (!FeedbackStatus.OPEN.contains(item.status())) {
            throw new IllegalArgumentException("the digest lists open feedback only");
        }
        Duration age = Duration.between(item.meta().receivedAt(), now);
        // a clock a little behind the one that stamped the feedback must not make a negative age
        return new Waiting(item.triage().priority(), item.triage().category(), age.isNegative() ? Duration.ZERO : age,
                publicUrl == null ? null : FeedbackCard.link(publicUrl, item.feedback().feedbackId()));
    }

    public long openTotal() {
        return openByPriority.values().stream().mapToLong(Long::longValue).sum();
    }
}
