/**
 * The revocation history: reads of {@link dev.larkinbox.outbound.db.revocation.RevocationRepository}; revocations
 * arrive as events, through {@link dev.larkinbox.outbound.db.postgres.EventWrites}. See
 * {@link dev.larkinbox.outbound.db} for the kinds of work.
 */
package dev.larkinbox.outbound.db.revocation;
