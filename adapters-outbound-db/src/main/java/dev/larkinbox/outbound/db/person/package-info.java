/**
 * The people of the inbox, their web sessions and their API tokens: reads and single writes of
 * {@link dev.larkinbox.outbound.db.person.PersonRepository}, {@link dev.larkinbox.outbound.db.person.SessionRepository}
 * and {@link dev.larkinbox.outbound.db.person.TokenRepository}.
 * See {@link dev.larkinbox.outbound.db} for the kinds of work.
 */
package dev.larkinbox.outbound.db.person;
