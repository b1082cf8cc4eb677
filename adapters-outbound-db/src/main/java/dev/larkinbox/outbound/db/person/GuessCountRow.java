package dev.larkinbox.outbound.db.person;

import dev.larkinbox.domain.person.GuessCount;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A row of {@code token_guess}. */
@MappedEntity("token_guess")
public record GuessCountRow(@Id String guessKey, int wrong, Instant lastAt, Instant waitUntil) {

    GuessCount toDomain() {
        return new GuessCount(wrong, lastAt, waitUntil);
    }
}
