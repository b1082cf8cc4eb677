/**
 * Each person's preferences (language, zone) in {@code person_preferences}. See {@link dev.larkinbox.outbound.db}
 * for the kinds of work.
 */
package dev.larkinbox.outbound.db.preference;
