package dev.larkinbox.domain.release;

import dev.larkinbox.domain.inbox.InboxSummary;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Outgoing port: what an app went through in a time, as a release's page shows it. */
public interface ReleaseHistory {

    /** The app's problems first seen from {@code from} (inclusive) to {@code to} (exclusive), first seen first. */
    List<ReleaseProblem> firstSeen(String appId, Instant from, Instant to, int limit);

    /** The app's problems reopened by a report from {@code from} to {@code to}, each time, reopened first first. */
    List<ReleaseProblem> regressed(String appId, Instant from, Instant to, int limit);

    /** The app's feedback received each UTC day from {@code first} to {@code last}, by priority, every day present. */
    List<InboxSummary.Day> perDay(String appId, LocalDate first, LocalDate last);
}
