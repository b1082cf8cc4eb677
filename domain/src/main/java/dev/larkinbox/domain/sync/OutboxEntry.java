package dev.larkinbox.domain.sync;

/** An entry of a durable outbox, as a worker claims it. */
public interface OutboxEntry {
    long id();

    /** How often sending it failed so far, for any reason. */
    int attempts();

    /** How many of those failures were Lark refusing it. */
    int refusals();
}
