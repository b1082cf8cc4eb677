package dev.larkinbox.domain.event;

/** What storing one delivery of an event did: it was new, or it had been stored before. */
public enum Delivery {
    NEW,
    DUPLICATE,
    /** Its event id had been stored before for a different event: this one was kept aside as a conflict. */
    CONFLICT
}
