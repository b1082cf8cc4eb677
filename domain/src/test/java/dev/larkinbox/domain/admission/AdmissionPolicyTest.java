package dev.larkinbox.domain.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.larkinbox.domain.person.Role;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AdmissionPolicyTest {
    private static final String ADMIN = "ou_admin";
    private static final String LISTED = "ou_listed";
    private static final String MEMBER = "ou_member";
    private static final AccessRules RULES = new AccessRules("oc_team", Set.of(LISTED), Set.of(ADMIN), Role.MEMBER);

    @Test
    void anAdminComesInAsAnAdminWhateverTheirStoredRoleAndOutsideTheChat() {
        assertEquals(Admittance.in(Role.ADMIN), AdmissionPolicy.decide(RULES, ADMIN, Optional.of(Role.VIEWER), false));
    }

    @Test
    void aNewcomerInTheChatComesInWithTheDefaultRole() {
        AccessRules viewersByDefault = new AccessRules("oc_team", Set.of(), Set.of(), Role.VIEWER);

        assertEquals(Admittance.in(Role.VIEWER), AdmissionPolicy.decide(viewersByDefault, MEMBER, Optional.empty(),
                true));
    }

    @Test
    void aPersonTheInboxKnowsKeepsTheirStoredRole() {
        assertEquals(Admittance.in(Role.VIEWER), AdmissionPolicy.decide(RULES, MEMBER, Optional.of(Role.VIEWER), true));
        assertEquals(Admittance.in(Role.ADMIN), AdmissionPolicy.decide(RULES, LISTED, Optional.of(Role.ADMIN), false));
    }

    @Test
    void aListedPersonComesInOutsideTheChat() {
        assertEquals(Admittance.in(Role.MEMBER), AdmissionPolicy.decide(RULES, LISTED, Optional.empty(), false));
    }

    @Test
    void someoneOutsideTheChatAndNotListedIsRefusedWithTheReasonEvenIfTheInboxKnowsThem() {
        Admittance refused = AdmissionPolicy.decide(RULES, "ou_stranger", Optional.of(Role.MEMBER), false);

        assertEquals(Refusal.NOT_LET_IN, refused.refusal());
        assertEquals("the person is neither an admin, nor listed, nor a member of the team's chat",
                refused.refusal().reason());
    }

    @Test
    void withoutAChatBeingInOneLetsNobodyIn() {
        AccessRules noChat = new AccessRules(null, Set.of(LISTED), Set.of(), Role.MEMBER);

        assertEquals(Refusal.NOT_LET_IN, AdmissionPolicy.decide(noChat, MEMBER, Optional.empty(), true).refusal());
    }
}
