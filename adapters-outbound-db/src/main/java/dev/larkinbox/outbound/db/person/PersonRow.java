package dev.larkinbox.outbound.db.person;

import dev.larkinbox.domain.person.Person;
import dev.larkinbox.domain.person.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A row of {@code person}. */
@MappedEntity("person")
public record PersonRow(@Id String openId, String name, @Nullable String avatarUrl, String role) {

    static PersonRow of(Person person) {
        return new PersonRow(person.openId(), person.name(), person.avatarUrl(), person.role().label());
    }

    Person toDomain() {
        return new Person(openId, name, avatarUrl, Role.fromLabel(role));
    }

    /** Names and open_ids are personal data: out of logs. */
    @Override
    public String toString() {
        return "PersonRow[role=" + role + "]";
    }
}
