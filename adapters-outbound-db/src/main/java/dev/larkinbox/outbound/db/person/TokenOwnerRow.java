package dev.larkinbox.outbound.db.person;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** A usable token's id and when it was last used, with its owner. */
@Introspected
public record TokenOwnerRow(long id, @Nullable Instant lastUsedAt, String openId, String name,
                            @Nullable String avatarUrl, String role) {

    PersonRow owner() {
        return new PersonRow(openId, name, avatarUrl, role);
    }

    /** Names and open_ids are personal data: out of logs. */
    @Override
    public String toString() {
        return "TokenOwnerRow[id=" + id + "]";
    }
}
