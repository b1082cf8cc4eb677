package dev.larkinbox.outbound.db.person;

import dev.larkinbox.domain.person.Person;
import dev.larkinbox.domain.person.Role;
import dev.larkinbox.domain.person.StoredSession;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** A row of {@code web_session} with its person. */
@Introspected
public record SessionRow(long id, Instant startedAt, Instant lastSeenAt, @Nullable String browser, String openId,
                         String name, @Nullable String avatarUrl, String role) {

    StoredSession toDomain() {
        return new StoredSession(id, new Person(openId, name, avatarUrl, Role.fromLabel(role)), startedAt, lastSeenAt,
                browser);
    }

    /** The browser, names and open_ids are personal data: out of logs. */
    @Override
    public String toString() {
        return "SessionRow[id=" + id + "]";
    }
}
