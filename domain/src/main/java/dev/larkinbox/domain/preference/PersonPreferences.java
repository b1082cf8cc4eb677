package dev.larkinbox.domain.preference;

/**
 * Outgoing port: each person's {@link Preferences}, kept across sessions and restarts. A person is named by a
 * stable id of theirs (who a session is signed in as), never by a display text that may change.
 */
public interface PersonPreferences {
    /** {@link Preferences#NONE} for a person who chose nothing yet. */
    Preferences of(String personId);

    void save(String personId, Preferences preferences);
}
