package dev.larkinbox.outbound.db;

import dev.larkinbox.domain.admission.SignInAttempts;
import dev.larkinbox.domain.testing.SignInAttemptsContract;
import io.micronaut.context.ApplicationContext;

/** Sign-ins under way in PostgreSQL, as every store of them behaves. */
class PostgresSignInAttemptsTest extends SignInAttemptsContract {
    @Override
    protected SignInAttempts emptyAttempts() {
        ApplicationContext ctx = PostgresTestDatabase.context();
        PostgresTestDatabase.execute(ctx, "TRUNCATE sign_in_attempt");
        return ctx.getBean(SignInAttempts.class);
    }
}
