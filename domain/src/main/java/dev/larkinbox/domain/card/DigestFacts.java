package dev.larkinbox.domain.card;

import dev.larkinbox.domain.inbox.TriagedFeedback;
import dev.larkinbox.domain.triage.Priority;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Outgoing port: what the daily digest counts, read from the inbox. */
public interface DigestFacts {

    /** Open feedback (new, acknowledged, in progress) per priority; a priority with none may be absent. */
    Map<Priority, Long> openByPriority();

    /** The open feedback received first, oldest first, at most {@code limit}. */
    List<TriagedFeedback> oldestOpen(int limit);

    /** Feedback received from {@code since} on. */
    long arrivedSince(Instant since);

    /** Feedback that became resolved or closed from {@code since} on, each counted once. */
    long resolvedSince(Instant since);
}
