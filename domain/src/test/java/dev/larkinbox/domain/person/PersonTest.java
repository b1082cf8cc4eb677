package dev.larkinbox.domain.person;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.workflow.Actor;
import org.junit.jupiter.api.Test;

class PersonTest {
    @Test
    void viewersReadMembersWorkAdminsAlsoAdminister() {
        assertFalse(Role.VIEWER.mayWork());
        assertTrue(Role.MEMBER.mayWork());
        assertFalse(Role.MEMBER.mayAdminister());
        assertTrue(Role.ADMIN.mayWork());
        assertTrue(Role.ADMIN.mayAdminister());
        assertEquals(Role.MEMBER, Role.fromLabel("member"));
        assertThrows(IllegalArgumentException.class, () -> Role.fromLabel("owner"));
    }

    @Test
    void theApiTokensHolderIsAnAdminRecordedAsApiToken() {
        Person holder = Person.apiToken("ops");

        assertEquals(Role.ADMIN, holder.role());
        assertEquals(Actor.user("api-token"), holder.actor());
        assertEquals(Actor.larkUser("ou_ana"), new Person("ou_ana", "Ana", null, Role.VIEWER).actor());
    }

    @Test
    void aPersonNeedsAnOpenIdANameOnOneLineAndAnHttpsAvatar() {
        assertThrows(IllegalArgumentException.class, () -> new Person(" ", "Ana", null, Role.MEMBER));
        assertThrows(IllegalArgumentException.class, () -> new Person("ou_a", "Ana\nEvil", null, Role.MEMBER));
        assertThrows(IllegalArgumentException.class, () -> new Person("ou_a", "x".repeat(101), null, Role.MEMBER));
        assertThrows(IllegalArgumentException.class,
                () -> new Person("ou_a", "Ana", "http://avatars.example/a.png", Role.MEMBER));
        assertThrows(NullPointerException.class, () -> new Person("ou_a", "Ana", null, null));
    }
}
