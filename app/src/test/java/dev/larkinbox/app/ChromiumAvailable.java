package dev.larkinbox.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the browser tests where Chromium and its driver are installed, and otherwise says in one line what they
 * need, so that a machine without them still runs every other test and nobody mistakes the skip for a pass.
 */
public final class ChromiumAvailable implements ExecutionCondition {
    static final String NEEDS = "browser tests need Chromium and chromedriver: apt-get install chromium chromium-driver"
            + " (/usr/bin/chromium, /usr/bin/chromedriver), or name them by CHROME_BIN and CHROMEDRIVER";

    static Path browser() {
        return path("CHROME_BIN", "/usr/bin/chromium");
    }

    static Path driver() {
        return path("CHROMEDRIVER", "/usr/bin/chromedriver");
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Files.isExecutable(browser()) && Files.isExecutable(driver())) {
            return ConditionEvaluationResult.enabled("Chromium at " + browser() + ", driver at " + driver());
        }
        if (context.getTestMethod().isEmpty()) {
            System.out.println("SKIPPED " + context.getDisplayName() + ": " + NEEDS);
        }
        return ConditionEvaluationResult.disabled(NEEDS);
    }

    private static Path path(String variable, String otherwise) {
        return Path.of(Optional.ofNullable(System.getenv(variable)).filter(v -> !v.isBlank()).orElse(otherwise));
    }
}
