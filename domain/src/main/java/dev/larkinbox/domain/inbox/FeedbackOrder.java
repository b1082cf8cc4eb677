package dev.larkinbox.domain.inbox;

/** In which order the inbox lists feedback. */
public enum FeedbackOrder {
    /** Newest first, by the time we received them. */
    NEWEST("newest"),
    /** P1 first; newest first within a priority. */
    PRIORITY("priority");

    private final String label;

    FeedbackOrder(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static FeedbackOrder fromLabel(String label) {
        for (FeedbackOrder o : values()) {
            if (o.label.equals(label)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown order: " + label);
    }
}
