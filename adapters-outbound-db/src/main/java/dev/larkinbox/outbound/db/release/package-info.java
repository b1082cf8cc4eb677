/**
 * What a release's page reads: an app's problems first seen or reopened in a time ({@code problem},
 * {@code problem_regression}, V19) and its feedback per day from the tallies. See {@link dev.larkinbox.outbound.db}
 * for the kinds of work.
 */
package dev.larkinbox.outbound.db.release;
