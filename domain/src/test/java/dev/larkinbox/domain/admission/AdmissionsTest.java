package dev.larkinbox.domain.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.person.Person;
import dev.larkinbox.domain.person.Role;
import dev.larkinbox.domain.platform.LarkRefusedException;
import dev.larkinbox.domain.platform.LarkUnavailableException;
import dev.larkinbox.domain.testing.InMemoryPeople;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Whether someone is let in now, by the chat's member list: for renewed sessions and card clicks. */
class AdmissionsTest {
    private static final String CHAT = "oc_team";

    private final InMemoryPeople people = new InMemoryPeople();
    private final Set<String> members = new HashSet<>();
    private RuntimeException larkFails;
    private final Admissions admissions = new Admissions(new AccessRules(CHAT, Set.of("ou_listed"), Set.of(),
            Role.MEMBER), people, (chatId, openId) -> {
                if (larkFails != null) {
                    throw larkFails;
                }
                return CHAT.equals(chatId) && members.contains(openId);
            });

    @Test
    void aClickerTheInboxKnowsHasTheirRoleAndAChatMemberTheDefaultOne() {
        people.save(new Person("ou_viewer", "Viewer", null, Role.VIEWER));
        members.add("ou_viewer");
        members.add("ou_new");

        assertEquals(Optional.of(Role.VIEWER), admissions.roleOf("ou_viewer"));
        assertEquals(Optional.of(Role.MEMBER), admissions.roleOf("ou_new"));
        assertEquals(Optional.empty(), admissions.roleOf("ou_stranger"));
    }

    @Test
    void aPersonWhoLeftTheChatIsNoLongerAdmittedUnlessListed() {
        Person gone = new Person("ou_gone", "Gone", null, Role.MEMBER);
        Person listed = new Person("ou_listed", "Listed", null, Role.MEMBER);

        assertFalse(admissions.stillAdmitted(gone));
        assertTrue(admissions.stillAdmitted(listed));
        assertTrue(admissions.stillAdmitted(Person.apiToken("ops")));
    }

    @Test
    void aChatTheAppCannotSeeLetsNobodyInAndLarkDownIsSaidToTheCaller() {
        members.add("ou_new");
        larkFails = new LarkRefusedException(232011, "the app is not in the chat");
        assertEquals(Optional.empty(), admissions.roleOf("ou_new"));

        larkFails = new LarkUnavailableException("down", null);
        assertThrows(LarkUnavailableException.class, () -> admissions.roleOf("ou_new"));
    }
}
