package dev.larkinbox.outbound.db;

import dev.larkinbox.domain.person.GuessCounts;
import dev.larkinbox.domain.testing.GuessCountsContract;
import io.micronaut.context.ApplicationContext;

/** Wrong tokens counted in PostgreSQL, as every store of them counts: none lost to two instances at once. */
class PostgresGuessCountsTest extends GuessCountsContract {
    @Override
    protected GuessCounts emptyCounts() {
        ApplicationContext ctx = PostgresTestDatabase.context();
        PostgresTestDatabase.execute(ctx, "TRUNCATE token_guess");
        return ctx.getBean(GuessCounts.class);
    }
}
