package dev.larkinbox.domain.ledger;

/** What became of an event the ledger records. */
public enum LedgerOutcome {
    /** Stored as a revocation or a feedback. */
    STORED("stored"),
    /** A verified event of a type this service does not handle: acknowledged so Lark stops retrying. */
    IGNORED("ignored"),
    /** A verified event of a handled type whose content could not be read: kept raw for a person to look at. */
    MALFORMED("malformed"),
    /**
     * A feedback whose event never reached us, fetched back from Lark's open API and stored under a synthetic
     * event id ({@code recovered:<feedback_id>}).
     */
    RECOVERED("recovered");

    private final String label;

    LedgerOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static LedgerOutcome fromLabel(String label) {
        for (LedgerOutcome o : values()) {
            if (o.label.equals(label)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown ledger outcome: " + label);
    }
}
