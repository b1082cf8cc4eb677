package dev.larkinbox.outbound.db.person;

import dev.larkinbox.domain.person.GuessCount;
import dev.larkinbox.domain.person.GuessCounts;
import dev.larkinbox.outbound.db.postgres.StorageFailures;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** Wrong tokens counted in PostgreSQL, shared by every instance. */
@Singleton
public class PostgresGuessCounts implements GuessCounts {
    private final GuessCountRepository counts;
    private final TransactionOperations<Connection> transactions;

    public PostgresGuessCounts(GuessCountRepository counts, TransactionOperations<Connection> transactions) {
        this.counts = counts;
        this.transactions = transactions;
    }

    @Override
    public Map<String, GuessCount> find(Collection<String> keys) {
        return StorageFailures.reading(() -> counts.find(keys.toArray(String[]::new)).stream()
                .collect(Collectors.toMap(GuessCountRow::guessKey, GuessCountRow::toDomain)));
    }

    /** The row locked while {@code next} is worked out: the next count on another instance waits for this one. */
    @Override
    public void count(String key, UnaryOperator<GuessCount> next) {
        StorageFailures.writing(() -> transactions.executeWrite(status -> {
            counts.ensure(key, Instant.EPOCH);
            GuessCount counted = next.apply(counts.lock(key).toDomain());
            counts.update(key, counted.wrong(), counted.last(), counted.waitUntil());
            return null;
        }));
    }

    @Override
    public int forgetBefore(Instant before) {
        return StorageFailures.writing(() -> counts.deleteBefore(before));
    }
}
