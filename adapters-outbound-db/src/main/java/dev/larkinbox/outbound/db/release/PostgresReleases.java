package dev.larkinbox.outbound.db.release;

import static dev.larkinbox.outbound.db.postgres.PostgresText.storable;

import dev.larkinbox.domain.inbox.InboxSummary;
import dev.larkinbox.domain.release.ReleaseHistory;
import dev.larkinbox.domain.release.ReleaseProblem;
import dev.larkinbox.outbound.db.inbox.PostgresFeedbackInbox;
import dev.larkinbox.outbound.db.inbox.SummaryRepository;
import dev.larkinbox.outbound.db.postgres.StorageFailures;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What an app went through in a time, in PostgreSQL. */
@Singleton
public class PostgresReleases implements ReleaseHistory {
    private final ReleaseRepository releases;
    private final SummaryRepository summaries;

    public PostgresReleases(ReleaseRepository releases, SummaryRepository summaries) {
        this.releases = releases;
        this.summaries = summaries;
    }

    @Override
    public List<ReleaseProblem> firstSeen(String appId, Instant from, Instant to, int limit) {
        return StorageFailures.reading(() -> releases.firstSeen(storable(appId), from, to, limit)).stream()
                .map(ReleaseProblemView::toDomain).toList();
    }

    @Override
    public List<ReleaseProblem> regressed(String appId, Instant from, Instant to, int limit) {
        return StorageFailures.reading(() -> releases.regressed(storable(appId), from, to, limit)).stream()
                .map(ReleaseProblemView::toDomain).toList();
    }

    @Override
    public List<InboxSummary.Day> perDay(String appId, LocalDate first, LocalDate last) {
        return StorageFailures.reading(() -> PostgresFeedbackInbox.perDay(summaries, storable(appId), first, last));
    }
}
