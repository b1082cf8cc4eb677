package dev.larkinbox.domain.admission;

import dev.larkinbox.domain.person.Role;
import java.util.Optional;

/**
 * Who may come in, and as what: admins always, as admins; the people listed and the members of the team's chat,
 * a person the inbox knows with the role they have, a newcomer with the default role; nobody else.
 */
public final class AdmissionPolicy {
    private AdmissionPolicy() {
    }

    /**
     * @param stored the person's role, when the inbox knows them
     * @param inChat whether they are a member of the team's chat (false when there is none, or it was not asked
     *               because {@link AccessRules#letsInByName} already did)
     */
    public static Admittance decide(AccessRules rules, String openId, Optional<Role> stored, boolean inChat) {
        if (rules.admins().contains(openId)) {
            return Admittance.in(Role.ADMIN);
        }
        if (rules.openIds().contains(openId) || inChat && rules.chatId() != null) {
            return Admittance.in(stored.orElse(rules.defaultRole()));
        }
        return Admittance.refused(Refusal.NOT_LET_IN);
    }
}
