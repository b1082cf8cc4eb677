package dev.larkinbox.domain.problem;

import static dev.larkinbox.domain.testing.SampleEvents.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.problem.GroupingPace.Decision;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A grouping round runs at once while feedback trickles in, and yields to a burst up to the max lag. */
class GroupingPaceTest {
    private static final GroupingPace HALF_MINUTE = new GroupingPace(Duration.ofSeconds(30));
    private static final int BURST = GroupingPace.BURST_PER_SECOND;

    @Test
    void withNothingWaitingNoRoundRuns() {
        assertEquals(Decision.NOTHING_WAITS, HALF_MINUTE.decide(Optional.empty(), T0));
        assertFalse(Decision.NOTHING_WAITS.due());
    }

    @Test
    void feedbackTricklingInIsGroupedAtOnceHoweverLongItWaited() {
        assertEquals(Decision.INTAKE_QUIET, HALF_MINUTE.decide(Optional.of(new GroupingBacklog(T0, BURST - 1)), T0));
        assertTrue(Decision.INTAKE_QUIET.due());
    }

    @Test
    void duringABurstTheRoundWaitsUntilTheOldestWaitedTheMaxLag() {
        var burst = Optional.of(new GroupingBacklog(T0, BURST));

        assertEquals(Decision.YIELDS_TO_BURST, HALF_MINUTE.decide(burst, T0.plusSeconds(29)));
        assertFalse(Decision.YIELDS_TO_BURST.due());
        assertEquals(Decision.WAITED_LONG_ENOUGH, HALF_MINUTE.decide(burst, T0.plusSeconds(30)));
        assertTrue(Decision.WAITED_LONG_ENOUGH.due());
    }

    @Test
    void atOnceNeverYieldsAndANegativeLagIsRefused() {
        assertFalse(GroupingPace.AT_ONCE.yields());
        assertTrue(HALF_MINUTE.yields());
        assertEquals(Decision.WAITED_LONG_ENOUGH,
                GroupingPace.AT_ONCE.decide(Optional.of(new GroupingBacklog(T0, BURST * 10)), T0));
        assertThrows(IllegalArgumentException.class, () -> new GroupingPace(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> new GroupingBacklog(T0, -1));
    }
}
