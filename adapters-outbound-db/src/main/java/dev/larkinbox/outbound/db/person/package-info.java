/**
 * The people of the inbox: reads and single writes of {@link dev.larkinbox.outbound.db.person.PersonRepository}.
 * See {@link dev.larkinbox.outbound.db} for the kinds of work.
 */
package dev.larkinbox.outbound.db.person;
