package dev.larkinbox.domain.inbox;

/** Where a feedback stands in the team's work. New feedback starts as {@link #NEW}. */
public enum FeedbackStatus {
    NEW("new"),
    ACKNOWLEDGED("acknowledged"),
    IN_PROGRESS("in_progress"),
    RESOLVED("resolved"),
    CLOSED("closed");

    private final String label;

    FeedbackStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static FeedbackStatus fromLabel(String label) {
        for (FeedbackStatus s : values()) {
            if (s.label.equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown status: " + label);
    }
}
