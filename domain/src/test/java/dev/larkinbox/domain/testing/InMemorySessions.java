package dev.larkinbox.domain.testing;

import dev.larkinbox.domain.person.People;
import dev.larkinbox.domain.person.SessionStore;
import dev.larkinbox.domain.person.StoredSession;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Web sessions in memory, over the people of an {@link InMemoryPeople}. */
public class InMemorySessions implements SessionStore {
    private record Row(long id, String secretHash, String openId, Instant startedAt, Instant lastSeenAt,
                       String browser) {
    }

    private final People people;
    private final Map<Long, Row> byId = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    public InMemorySessions(People people) {
        this.people = people;
    }

    @Override
    public long start(String secretHash, String openId, Instant at, String browser) {
        long id = ids.incrementAndGet();
        byId.put(id, new Row(id, secretHash, openId, at, at, browser));
        return id;
    }

    @Override
    public Optional<StoredSession> find(String secretHash) {
        return byId.values().stream().filter(r -> r.secretHash.equals(secretHash)).findFirst().flatMap(this::stored);
    }

    @Override
    public void seen(long id, Instant at) {
        byId.computeIfPresent(id, (k, r) -> new Row(r.id, r.secretHash, r.openId, r.startedAt, at, r.browser));
    }

    @Override
    public List<StoredSession> of(String openId) {
        return byId.values().stream().filter(r -> r.openId.equals(openId))
                .sorted(Comparator.comparing(Row::lastSeenAt).thenComparing(Row::id).reversed())
                .flatMap(r -> stored(r).stream()).toList();
    }

    @Override
    public void end(long id) {
        byId.remove(id);
    }

    @Override
    public boolean end(long id, String openId) {
        Row row = byId.get(id);
        return row != null && row.openId.equals(openId) && byId.remove(id, row);
    }

    @Override
    public int endExpired(Instant idleBefore, Instant startedBefore) {
        List<Row> expired = byId.values().stream()
                .filter(r -> r.lastSeenAt.isBefore(idleBefore) || r.startedAt.isBefore(startedBefore)).toList();
        expired.forEach(r -> byId.remove(r.id, r));
        return expired.size();
    }

    private Optional<StoredSession> stored(Row r) {
        return people.find(r.openId).map(p -> new StoredSession(r.id, p, r.startedAt, r.lastSeenAt, r.browser));
    }
}
