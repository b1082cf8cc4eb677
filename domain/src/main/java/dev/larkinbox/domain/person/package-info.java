/**
 * The people of the inbox: who they are ({@link dev.larkinbox.domain.person.Person}, keyed by Lark open_id), what
 * they may do ({@link dev.larkinbox.domain.person.Role}) and where they are kept
 * ({@link dev.larkinbox.domain.person.People}).
 */
package dev.larkinbox.domain.person;
