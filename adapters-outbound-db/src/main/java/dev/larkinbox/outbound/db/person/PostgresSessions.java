package dev.larkinbox.outbound.db.person;

import static dev.larkinbox.outbound.db.postgres.PostgresText.storable;

import dev.larkinbox.domain.person.SessionStore;
import dev.larkinbox.domain.person.StoredSession;
import dev.larkinbox.outbound.db.postgres.StorageFailures;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The web sessions in PostgreSQL: every instance of the inbox finds the same ones, and a restart keeps them. */
@Singleton
public class PostgresSessions implements SessionStore {
    private final SessionRepository sessions;

    public PostgresSessions(SessionRepository sessions) {
        this.sessions = sessions;
    }

    @Override
    public long start(String secretHash, String openId, Instant at, String browser) {
        return StorageFailures.writing(() -> sessions.start(secretHash, openId, at, storable(browser)));
    }

    @Override
    public Optional<StoredSession> find(String secretHash) {
        return StorageFailures.reading(() -> sessions.find(secretHash)).map(SessionRow::toDomain);
    }

    @Override
    public void seen(long id, Instant at) {
        StorageFailures.writing(() -> {
            sessions.seen(id, at);
            return null;
        });
    }

    @Override
    public List<StoredSession> of(String openId) {
        return StorageFailures.reading(() -> sessions.of(openId)).stream().map(SessionRow::toDomain).toList();
    }

    @Override
    public void end(long id) {
        StorageFailures.writing(() -> {
            sessions.end(id);
            return null;
        });
    }

    @Override
    public boolean end(long id, String openId) {
        return StorageFailures.writing(() -> sessions.end(id, openId)) > 0;
    }

    @Override
    public int endExpired(Instant idleBefore, Instant startedBefore) {
        return StorageFailures.writing(() -> sessions.endExpired(idleBefore, startedBefore));
    }
}
