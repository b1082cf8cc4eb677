package dev.larkinbox.app;

import dev.larkinbox.domain.problem.SpikeSettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * Problems: {@code inbox.problems.*}.
 *
 * @param groupInterval {@code inbox.problems.group-interval}: how often stored feedback is grouped into problems
 * @param maxLag        {@code inbox.problems.max-lag}: during a burst of feedback, how long the oldest may wait
 *                      before a round runs beside the burst; zero: a round every interval, whatever arrives
 * @param spike         {@code inbox.problems.spike.*}: when a problem is spiking
 */
@ConfigurationProperties("inbox.problems")
record ProblemsConfig(@Bindable(defaultValue = "1s") @NotNull Duration groupInterval,
                      @Bindable(defaultValue = "30s") @NotNull Duration maxLag, @Valid @NotNull Spike spike) {

    ProblemsConfig {
        ConfigurationProblems.requirePositive("inbox.problems.group-interval", groupInterval);
        ConfigurationProblems.requireNotNegative("inbox.problems.max-lag", maxLag);
        spike.settings(); // values that make no spike fail at start, not at the first round
    }

    /**
     * @param minReports {@code min-reports}: at least this many reports in the window
     * @param window     {@code window}: the window they are counted in
     * @param rateFactor {@code rate-factor}: and at least this many times the problem's usual rate
     * @param baseline   {@code baseline}: over which the usual rate is measured, before the window
     * @param quiet      {@code quiet}: a spike ends after this long below the threshold
     */
    @ConfigurationProperties("spike")
    record Spike(@Bindable(defaultValue = "5") int minReports, @Bindable(defaultValue = "10m") @NotNull Duration window,
                 @Bindable(defaultValue = "3") double rateFactor,
                 @Bindable(defaultValue = "7d") @NotNull Duration baseline,
                 @Bindable(defaultValue = "1h") @NotNull Duration quiet) {
        SpikeSettings settings() {
            try {
                return new SpikeSettings(minReports, window, rateFactor, baseline, quiet);
            } catch (IllegalArgumentException e) {
                // the domain names its own fields; the properties are the spike's, named together
                throw new ConfigurationException("inbox.problems.spike.* (INBOX_PROBLEMS_SPIKE_*) make no spike: "
                        + e.getMessage(), e);
            }
        }
    }
}
