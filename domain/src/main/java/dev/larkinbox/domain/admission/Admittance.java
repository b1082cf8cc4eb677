package dev.larkinbox.domain.admission;

import dev.larkinbox.domain.person.Role;
import java.util.Optional;

/**
 * What {@link AdmissionPolicy} decided: the role someone comes in with, or why they do not.
 *
 * @param role    null when refused
 * @param refusal null when let in
 */
public record Admittance(Role role, Refusal refusal) {
    public Admittance {
        if ((role == null) == (refusal == null)) {
            throw new IllegalArgumentException("either a role or a refusal");
        }
    }

    public static Admittance in(Role role) {
        return new Admittance(role, null);
    }

    public static Admittance refused(Refusal refusal) {
        return new Admittance(null, refusal);
    }

    public Optional<Role> admitted() {
        return Optional.ofNullable(role);
    }
}
