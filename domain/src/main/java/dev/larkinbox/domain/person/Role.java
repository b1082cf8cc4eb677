package dev.larkinbox.domain.person;

import dev.larkinbox.domain.label.Labelled;

/** What a person may do in the inbox; the API and the store name it by its label. */
public enum Role implements Labelled {
    /** Reads: the inbox, feedback, problems, history. */
    VIEWER,
    /** Also works feedback and problems. */
    MEMBER,
    /** Also changes people's roles, recovers and merges. */
    ADMIN;

    public static Role fromLabel(String label) {
        return Labelled.fromLabel(Role.class, label, "role");
    }

    public boolean mayWork() {
        return this != VIEWER;
    }

    public boolean mayAdminister() {
        return this == ADMIN;
    }
}
