package dev.larkinbox.domain.release;

import dev.larkinbox.domain.inbox.InboxSummary;
import dev.larkinbox.domain.inbox.SummaryWindow;
import dev.larkinbox.domain.version.AppVersion;
import dev.larkinbox.domain.version.VersionTimeline;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** Reads what a version brought from its app's versions and what the app went through meanwhile. */
public final class ReleaseService implements ViewRelease {
    /** Problems listed per time the version was the newest, at most: a page, not an export. */
    static final int LIMIT = 100;
    /** Days of feedback shown before the version became the newest and after it stopped being it. */
    static final int DAYS_AROUND = 7;

    private final VersionTimeline timeline;
    private final ReleaseHistory history;

    public ReleaseService(VersionTimeline timeline, ReleaseHistory history) {
        this.timeline = Objects.requireNonNull(timeline, "timeline");
        this.history = Objects.requireNonNull(history, "history");
    }

    @Override
    public Optional<Release> release(ReleaseQuery query) {
        List<AppVersion> versions = timeline.versions(query.appId());
        return versions.stream().filter(v -> v.versionId().equals(query.versionId())).findFirst()
                .map(version -> release(version, versions, query));
    }

    private Release release(AppVersion version, List<AppVersion> versions, ReleaseQuery query) {
        Instant now = query.now();
        List<Release.Period> newest = NewestPeriods.of(versions, version.versionId()).stream()
                .filter(p -> p.from().isBefore(now)).toList();
        Function<Release.Period, List<ReleaseProblem>> firstSeen =
                p -> history.firstSeen(query.appId(), p.from(), p.endOr(now), LIMIT);
        Function<Release.Period, List<ReleaseProblem>> regressed =
                p -> history.regressed(query.appId(), p.from(), p.endOr(now), LIMIT);
        Instant from = newest.isEmpty() ? version.events().get(0).at() : newest.get(0).from();
        Instant until = newest.isEmpty() ? version.events().get(version.events().size() - 1).at()
                : newest.get(newest.size() - 1).endOr(now);
        return new Release(version, newest, newest.stream().flatMap(p -> firstSeen.apply(p).stream()).toList(),
                newest.stream().flatMap(p -> regressed.apply(p).stream()).toList(), days(from, until, now, query));
    }

    /** A week before to a week after, never past today, at most as many days as a summary has. */
    private List<InboxSummary.Day> days(Instant from, Instant until, Instant now, ReleaseQuery query) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate first = LocalDate.ofInstant(from, ZoneOffset.UTC).minusDays(DAYS_AROUND);
        LocalDate last = LocalDate.ofInstant(until, ZoneOffset.UTC).plusDays(DAYS_AROUND);
        last = last.isAfter(today) ? today : last;
        LocalDate latest = first.plusDays(SummaryWindow.MAX_DAYS - 1L);
        last = last.isAfter(latest) ? latest : last;
        return first.isAfter(last) ? List.of() : history.perDay(query.appId(), first, last);
    }

}
