package dev.larkinbox.domain.testing;

import dev.larkinbox.domain.person.People;
import dev.larkinbox.domain.person.Person;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The people of the inbox in memory, as the web and API tests' pages see them. */
public class InMemoryPeople implements People {
    private static final Comparator<Person> BY_NAME = Comparator.comparing(Person::name)
            .thenComparing(Person::openId);

    private final Map<String, Person> byOpenId = new ConcurrentHashMap<>();

    @Override
    public Optional<Person> find(String openId) {
        return Optional.ofNullable(byOpenId.get(openId));
    }

    @Override
    public Map<String, Person> find(Collection<String> openIds) {
        return openIds.stream().distinct().map(byOpenId::get).filter(p -> p != null)
                .collect(Collectors.toMap(Person::openId, Function.identity()));
    }

    @Override
    public Person save(Person person) {
        byOpenId.put(person.openId(), person);
        return person;
    }

    @Override
    public List<Person> all() {
        return byOpenId.values().stream().sorted(BY_NAME).toList();
    }

    @Override
    public List<Person> workers() {
        return byOpenId.values().stream().filter(p -> p.role().mayWork()).sorted(BY_NAME).toList();
    }
}
