/**
 * The domain's stores in PostgreSQL. One way of talking to the database per kind of work, so that a class shows by
 * its kind how it does it:
 * <ul>
 *   <li><b>Reads</b>: native SQL in {@code @Query} methods of a Micronaut Data {@code *Repository} interface,
 *   mapped onto a {@code *Row} or {@code *View} record, called through
 *   {@link dev.larkinbox.outbound.db.postgres.StorageFailures#reading}. The inbox's filtered reads run through
 *   {@link dev.larkinbox.outbound.db.postgres.PlannedRead}, planned for their values; the views' counts, as many
 *   subqueries of the repository's SQL as there are views, are its one statement put together at run time.</li>
 *   <li><b>Single writes</b> (a person's change, an outbox row's bookkeeping, an awaited status): {@code @Query}
 *   methods of the same repositories, inside {@code TransactionOperations.executeWrite} when statements commit
 *   together, called through {@link dev.larkinbox.outbound.db.postgres.StorageFailures#writing}.</li>
 *   <li><b>Events from Lark</b> (the ingest: feedback, revocations, version steps, unhandled events, conflicts):
 *   an {@link dev.larkinbox.outbound.db.postgres.EventWrite} committed by
 *   {@link dev.larkinbox.outbound.db.postgres.EventWrites} (group commit), whose batch
 *   {@link dev.larkinbox.outbound.db.postgres.EventBatch} writes in one statement put together from
 *   {@code MultiRowInsert} parts by {@code OneStatement} on plain JDBC: one round trip per batch, which is what
 *   makes the ingest fast.</li>
 *   <li><b>Statements whose table is chosen at run time</b>: only the lease shared by the outbox tables,
 *   {@link dev.larkinbox.outbound.db.postgres.LeasedOutbox}, also through {@code OneStatement}.</li>
 *   <li><b>Reads too long to hold</b> (an export of the whole filtered inbox): a repository's SQL read through a
 *   cursor by {@link dev.larkinbox.outbound.db.postgres.CursorRead}, a few hundred rows at a time, as a stream that
 *   holds its own connection until it is closed.</li>
 * </ul>
 * Plain JDBC stays in package {@code postgres}, behind {@code OneStatement}; a class outside it never holds a
 * {@code Connection}.
 */
package dev.larkinbox.outbound.db;
