package dev.larkinbox.domain.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.person.People;
import dev.larkinbox.domain.person.Person;
import dev.larkinbox.domain.person.Role;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link People} must do. A subclass supplies an empty one for each test. */
public abstract class PeopleContract {
    private static final Person ANA = new Person("ou_ana", "Ana", "https://avatars.example/ana.png", Role.MEMBER);
    private static final Person BO = new Person("ou_bo", "Bo", null, Role.VIEWER);
    private static final Person CY = new Person("ou_cy", "Cy", null, Role.ADMIN);

    protected People people;

    protected abstract People emptyPeople();

    @BeforeEach
    void empty() {
        people = emptyPeople();
    }

    @Test
    void aSavedPersonIsFoundByOpenIdAndNobodyElseIs() {
        people.save(ANA);

        assertEquals(Optional.of(ANA), people.find("ou_ana"));
        assertTrue(people.find("ou_nobody").isEmpty());
    }

    @Test
    void savingAgainUpdatesNameAvatarAndRole() {
        people.save(ANA);
        Person renamed = new Person("ou_ana", "Ana Lima", null, Role.ADMIN);

        people.save(renamed);

        assertEquals(Optional.of(renamed), people.find("ou_ana"));
        assertEquals(List.of(renamed), people.all());
    }

    @Test
    void everyoneIsListedByNameAndOnlyMembersAndAdminsMayBeAssigned() {
        people.save(CY);
        people.save(BO);
        people.save(ANA);

        assertEquals(List.of(ANA, BO, CY), people.all());
        assertEquals(List.of(ANA, CY), people.workers());
    }

    @Test
    void manyAreFoundAtOnceLeavingOutTheUnknown() {
        people.save(ANA);
        people.save(BO);

        assertEquals(Map.of("ou_ana", ANA, "ou_bo", BO), people.find(List.of("ou_ana", "ou_bo", "ou_x", "ou_ana")));
        assertEquals(Map.of(), people.find(List.of()));
    }
}
