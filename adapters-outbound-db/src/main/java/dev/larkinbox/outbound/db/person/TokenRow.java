package dev.larkinbox.outbound.db.person;

import dev.larkinbox.domain.person.PersonalToken;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** A row of {@code personal_token}, without its hash. */
@Introspected
public record TokenRow(long id, String openId, String name, Instant createdAt, @Nullable Instant lastUsedAt,
                       @Nullable Instant expiresAt) {

    PersonalToken toDomain() {
        return new PersonalToken(id, openId, name, createdAt, lastUsedAt, expiresAt);
    }

    /** The open_id is personal data: out of logs. */
    @Override
    public String toString() {
        return "TokenRow[id=" + id + "]";
    }
}
