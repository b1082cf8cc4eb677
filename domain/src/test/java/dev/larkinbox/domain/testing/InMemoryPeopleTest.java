package dev.larkinbox.domain.testing;

import dev.larkinbox.domain.person.People;

class InMemoryPeopleTest extends PeopleContract {
    @Override
    protected People emptyPeople() {
        return new InMemoryPeople();
    }
}
