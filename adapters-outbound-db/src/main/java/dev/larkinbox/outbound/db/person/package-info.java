/**
 * The people of the inbox, their web sessions and their API tokens, and the wrong tokens counted: reads and single
 * writes of {@link dev.larkinbox.outbound.db.person.PersonRepository},
 * {@link dev.larkinbox.outbound.db.person.SessionRepository}, {@link dev.larkinbox.outbound.db.person.TokenRepository}
 * and {@link dev.larkinbox.outbound.db.person.GuessCountRepository}.
 * See {@link dev.larkinbox.outbound.db} for the kinds of work.
 */
package dev.larkinbox.outbound.db.person;
