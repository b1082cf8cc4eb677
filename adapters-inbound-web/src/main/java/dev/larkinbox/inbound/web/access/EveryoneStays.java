package dev.larkinbox.inbound.web.access;

import dev.larkinbox.domain.person.Person;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

/**
 * With nobody to ask whether a person still belongs (no sign-in with Lark), a signed-in person stays. Its being the
 * {@link Admission} in use tells that no sign-in with Lark is configured.
 */
@Singleton
@Secondary
public final class EveryoneStays implements Admission {
    @Override
    public boolean stillAdmitted(Person person) {
        return true;
    }
}
