package dev.larkinbox.domain.person;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The people the inbox knows, and their roles. */
public interface People {
    Optional<Person> find(String openId);

    /** Those of the open_ids the inbox knows, by open_id: what a page needs to show names instead of ids. */
    Map<String, Person> find(Collection<String> openIds);

    /**
     * The names of those of the open_ids the inbox knows, by open_id: a page or a card shows a person by name, and
     * by the id it has only for someone who never signed in.
     */
    default Map<String, String> names(Collection<String> openIds) {
        return find(openIds).values().stream().collect(Collectors.toMap(Person::openId, Person::name));
    }

    /** Adds the person, or updates the name, avatar and role of the one with their open_id. */
    Person save(Person person);

    /** Everyone, by name. */
    List<Person> all();

    /** Those who may work feedback ({@link Role#mayWork()}), by name: whom a feedback can be assigned to. */
    List<Person> workers();
}
