/**
 * What every store shares: the failures told to the domain
 * ({@link dev.larkinbox.outbound.db.postgres.StorageFailures}), keyset paging, text PostgreSQL can store, the
 * embedded server; and the module's only plain JDBC, behind {@code OneStatement}: the batched ingest
 * ({@link dev.larkinbox.outbound.db.postgres.EventWrites}, {@link dev.larkinbox.outbound.db.postgres.EventBatch},
 * {@code MultiRowInsert}), the outbox lease ({@link dev.larkinbox.outbound.db.postgres.LeasedOutbox}), the reads
 * planned for their values ({@link dev.larkinbox.outbound.db.postgres.PlannedRead}) and the long ones
 * ({@link dev.larkinbox.outbound.db.postgres.CursorRead}). See
 * {@link dev.larkinbox.outbound.db} for the kinds of work.
 */
package dev.larkinbox.outbound.db.postgres;
