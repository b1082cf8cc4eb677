package dev.larkinbox.domain.ledger;

import dev.larkinbox.domain.label.Labelled;

/** What became of an event the ledger records. */
public enum LedgerOutcome implements Labelled {
    /** Stored as a revocation or a feedback. */
    STORED,
    /** A verified event of a type this service does not handle: acknowledged so Lark stops retrying. */
    IGNORED,
    /** A verified event of a handled type whose content could not be read: kept raw for a person to look at. */
    MALFORMED,
    /**
     * A feedback whose event never reached us, fetched back from Lark's open API and stored under a synthetic
     * event id ({@code recovered:<feedback_id>}).
     */
    RECOVERED;

    public static LedgerOutcome fromLabel(String label) {
        return Labelled.fromLabel(LedgerOutcome.class, label, "ledger outcome");
    }
}
