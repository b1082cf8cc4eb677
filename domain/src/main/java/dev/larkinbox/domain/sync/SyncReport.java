package dev.larkinbox.domain.sync;

/** What one run of the outbox did. */
public record SyncReport(int delivered, int retrying, int abandoned) {
    public static final SyncReport NOTHING = new SyncReport(0, 0, 0);

    public SyncReport {
        if (delivered < 0 || retrying < 0 || abandoned < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }
}
