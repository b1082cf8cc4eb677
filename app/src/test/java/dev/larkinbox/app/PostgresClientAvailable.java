package dev.larkinbox.app;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs README's backup test where PostgreSQL's client tools are on the PATH (CI installs them), and otherwise says
 * in one line what it needs, as the browser tests do: the README's test command needs a JDK only.
 */
public final class PostgresClientAvailable implements ExecutionCondition {
    static final String NEEDS = "the backup test needs pg_dump and pg_restore of PostgreSQL 14 or newer on the PATH:"
            + " apt-get install postgresql-client";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (onPath("pg_dump") && onPath("pg_restore")) {
            return ConditionEvaluationResult.enabled("pg_dump and pg_restore on the PATH");
        }
        System.out.println("SKIPPED " + context.getDisplayName() + ": " + NEEDS);
        return ConditionEvaluationResult.disabled(NEEDS);
    }

    private static boolean onPath(String tool) {
        return Stream.of(Optional.ofNullable(System.getenv("PATH")).orElse("").split(File.pathSeparator))
                .filter(dir -> !dir.isBlank()).map(dir -> Path.of(dir, tool)).anyMatch(Files::isExecutable);
    }
}
