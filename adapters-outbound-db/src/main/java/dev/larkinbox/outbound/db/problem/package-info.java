/**
 * Problems in PostgreSQL, in one idiom: every read and write is a {@code @Query} method of a Micronaut Data
 * repository ({@link dev.larkinbox.outbound.db.problem.ProblemRepository} for the board and the team's moves,
 * {@link dev.larkinbox.outbound.db.problem.GroupingRepository} for a grouping round), with its SQL beside its
 * signature and no JDBC in between. A round's writes are batches: they bind one array per column, which
 * {@code unnest} turns into rows, and a list per row (reasons, fault types) is a
 * {@link dev.larkinbox.outbound.db.problem.Slices slice} of one more array, since PostgreSQL has no array of arrays
 * of different lengths. So a round of a thousand reports is a handful of statements, and nothing passes an array
 * as text to be parsed back.
 */
package dev.larkinbox.outbound.db.problem;
