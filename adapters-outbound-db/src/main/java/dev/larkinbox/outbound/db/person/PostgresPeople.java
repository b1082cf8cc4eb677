package dev.larkinbox.outbound.db.person;

import static dev.larkinbox.outbound.db.postgres.PostgresText.storable;

import dev.larkinbox.domain.person.People;
import dev.larkinbox.domain.person.Person;
import dev.larkinbox.domain.person.Role;
import dev.larkinbox.outbound.db.postgres.StorageFailures;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The people of the inbox in PostgreSQL. */
@Singleton
public class PostgresPeople implements People {
    private static final String[] WORKERS = Arrays.stream(Role.values()).filter(Role::mayWork).map(Role::label)
            .toArray(String[]::new);

    private final PersonRepository people;
    private final Clock clock = Clock.systemUTC();

    public PostgresPeople(PersonRepository people) {
        this.people = people;
    }

    @Override
    public Optional<Person> find(String openId) {
        return StorageFailures.reading(() -> people.find(storable(openId))).map(PersonRow::toDomain);
    }

    @Override
    public Map<String, Person> find(Collection<String> openIds) {
        if (openIds.isEmpty()) {
            return Map.of();
        }
        String[] ids = storable(openIds.stream().distinct().toList());
        return StorageFailures.reading(() -> people.findAll(ids)).stream().map(PersonRow::toDomain)
                .collect(Collectors.toMap(Person::openId, Function.identity()));
    }

    @Override
    public Person save(Person person) {
        PersonRow row = PersonRow.of(person);
        StorageFailures.writing(() -> {
            people.save(row.openId(), row.name(), row.avatarUrl(), row.role(), clock.instant());
            return null;
        });
        return person;
    }

    @Override
    public List<Person> all() {
        return StorageFailures.reading(() -> people.list(null)).stream().map(PersonRow::toDomain).toList();
    }

    @Override
    public List<Person> workers() {
        return StorageFailures.reading(() -> people.list(WORKERS)).stream().map(PersonRow::toDomain).toList();
    }
}
