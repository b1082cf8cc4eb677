package dev.larkinbox.inbound.web.access;

import dev.larkinbox.domain.person.Person;

/**
 * Whether a person signed in earlier may still come in, asked when {@link Sessions} renews their session: someone
 * who left the team's chat is signed out then, not only at their next sign-in. What decides it (the access chat's
 * members, the configured open_ids) belongs to the sign-in with Lark; without it everyone stays
 * ({@link EveryoneStays}).
 */
public interface Admission {
    boolean stillAdmitted(Person person);
}
