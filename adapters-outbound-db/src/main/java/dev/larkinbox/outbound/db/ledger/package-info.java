/**
 * The event ledger: reads of {@link dev.larkinbox.outbound.db.ledger.LedgerRepository}, and its insert for an event
 * whose changes the workflow store writes in the same transaction; every other event's entry goes through
 * {@link dev.larkinbox.outbound.db.postgres.EventWrites}. See {@link dev.larkinbox.outbound.db} for the kinds of work.
 */
package dev.larkinbox.outbound.db.ledger;
