package dev.larkinbox.domain.triage;

/** How soon a feedback needs a person: P1 first. */
public enum Priority {
    P1,
    P2,
    P3,
    P4
}
