/**
 * The feedback inbox: reads of {@link dev.larkinbox.outbound.db.inbox.FeedbackRepository} and
 * {@link dev.larkinbox.outbound.db.inbox.SummaryRepository}; a feedback arrives as an event, through
 * {@link dev.larkinbox.outbound.db.postgres.EventWrites}. See {@link dev.larkinbox.outbound.db} for the kinds of work.
 */
package dev.larkinbox.outbound.db.inbox;
