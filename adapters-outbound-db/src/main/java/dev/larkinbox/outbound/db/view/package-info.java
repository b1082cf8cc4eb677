/**
 * Each person's saved views of the inbox: reads and single writes of
 * {@link dev.larkinbox.outbound.db.view.SavedViewRepository}. See {@link dev.larkinbox.outbound.db} for the kinds of
 * work.
 */
package dev.larkinbox.outbound.db.view;
