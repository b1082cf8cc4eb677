/**
 * The chat cards' outbox: leased as {@link dev.larkinbox.outbound.db.postgres.LeasedOutbox}; its other writes (a
 * card's update, the message a post became) are single writes of
 * {@link dev.larkinbox.outbound.db.card.CardOutboxRepository}. See {@link dev.larkinbox.outbound.db} for the kinds of
 * work.
 */
package dev.larkinbox.outbound.db.card;
