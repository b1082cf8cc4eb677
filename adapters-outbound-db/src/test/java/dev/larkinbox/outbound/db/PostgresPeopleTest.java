package dev.larkinbox.outbound.db;

import static dev.larkinbox.outbound.db.PostgresTestDatabase.queryText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.person.People;
import dev.larkinbox.domain.person.Person;
import dev.larkinbox.domain.person.Role;
import dev.larkinbox.domain.testing.PeopleContract;
import org.junit.jupiter.api.Test;

class PostgresPeopleTest extends PeopleContract {
    @Override
    protected People emptyPeople() {
        return PostgresTestDatabase.emptyPeople();
    }

    @Test
    void aPersonIsStoredWithTheirRolesLabel() {
        people.save(new Person("ou_dee", "Dee", null, Role.VIEWER));

        assertEquals("Dee|viewer", queryText("SELECT concat_ws('|', name, role) FROM person WHERE open_id = ?",
                "ou_dee"));
    }

    @Test
    void anOpenIdWithANulCharacterFindsNobodyInsteadOfFailing() {
        assertTrue(people.find("ou_\u0000").isEmpty());
    }
}
