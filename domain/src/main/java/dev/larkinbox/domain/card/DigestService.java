package dev.larkinbox.domain.card;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Posts the daily digest once a day: what is open, the oldest open and what changed in the day before. "Since
 * yesterday" is the day before the post, so each digest counts each change once.
 */
public final class DigestService implements SendDigest {
    private final DigestFacts facts;
    private final LarkChat chat;
    private final DigestSchedule schedule;
    private final URI publicUrl;
    private final Clock clock;
    // the day this instance posted last: spares Lark a call per run for the rest of the window
    private LocalDate posted;

    /** @param publicUrl where the web inbox is served, for the links; null for none */
    public DigestService(DigestFacts facts, LarkChat chat, DigestSchedule schedule, URI publicUrl, Clock clock) {
        this.facts = Objects.requireNonNull(facts, "facts");
        this.chat = Objects.requireNonNull(chat, "chat");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.publicUrl = publicUrl;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized Optional<LocalDate> sendIfDue() {
        Instant now = clock.instant();
        Optional<LocalDate> due = schedule.dueDay(now).filter(day -> !day.equals(posted));
        if (due.isEmpty()) {
            return Optional.empty();
        }
        Instant since = now.minus(Duration.ofDays(1));
        DailyDigest digest = DailyDigest.of(due.get(), now, facts.openByPriority(),
                facts.oldestOpen(DailyDigest.OLDEST), facts.arrivedSince(since), facts.resolvedSince(since),
                publicUrl);
        chat.postDigest(digest);
        posted = due.get();
        return due;
    }
}
