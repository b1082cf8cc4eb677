package dev.larkinbox.domain.testing;

import dev.larkinbox.domain.person.GuessCounts;

class InMemoryGuessCountsTest extends GuessCountsContract {
    @Override
    protected GuessCounts emptyCounts() {
        return new InMemoryGuessCounts();
    }
}
