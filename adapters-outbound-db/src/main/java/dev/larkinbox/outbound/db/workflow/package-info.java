/**
 * The workflow: a person's change and Lark's statuses are single writes of
 * {@link dev.larkinbox.outbound.db.workflow.WorkflowRepository},
 * {@link dev.larkinbox.outbound.db.workflow.OutboxRepository} and the card outbox's repository, in one transaction;
 * history and outbox are read through the same repositories; the status outbox is leased as
 * {@link dev.larkinbox.outbound.db.postgres.LeasedOutbox}. See {@link dev.larkinbox.outbound.db} for the kinds of
 * work.
 */
package dev.larkinbox.outbound.db.workflow;
