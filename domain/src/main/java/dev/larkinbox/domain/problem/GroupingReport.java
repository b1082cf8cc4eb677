package dev.larkinbox.domain.problem;

/**
 * What one grouping round did.
 *
 * @param skipped     another round was running (perhaps in another instance): this one did nothing
 * @param grouped     feedback put into a problem
 * @param started     problems started by them
 * @param regressions problems they reopened
 * @param spikes      spikes that began (each announced once when chat cards are on)
 */
public record GroupingReport(boolean skipped, int grouped, int started, int regressions, int spikes) {
    public static final GroupingReport SKIPPED = new GroupingReport(true, 0, 0, 0, 0);
    public static final GroupingReport NOTHING = new GroupingReport(false, 0, 0, 0, 0);

    public GroupingReport {
        if (grouped < 0 || started < 0 || regressions < 0 || spikes < 0 || started > grouped) {
            throw new IllegalArgumentException("counts must not be negative, and every problem started groups one");
        }
    }
}
