package dev.larkinbox.outbound.db;

import static dev.larkinbox.domain.testing.SampleEvents.T0;
import static dev.larkinbox.domain.testing.SampleEvents.feedback;
import static dev.larkinbox.domain.testing.SampleEvents.rawEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.larkinbox.domain.problem.GroupingKey;
import dev.larkinbox.domain.testing.ProblemPorts;
import dev.larkinbox.domain.testing.ProblemPortsContract;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostgresProblemsTest extends ProblemPortsContract {
    @Override
    protected ProblemPorts emptyStore() {
        return PostgresTestDatabase.emptyProblemStore();
    }

    @Test
    void aRoundThatFailsHalfWayWritesNothingSoTheNextGroupsItAll() {
        var item = feedback("ev-1", "fb-1", T0);
        ports.inbox().add(item, rawEvent("ev-1"));

        assertThrows(IllegalStateException.class, () -> ports.problems().groupAlone(round -> {
            round.start("pb-1", GroupingKey.of(item.feedback()), "t", item, List.of("started"));
            round.assign(item, "pb-1", List.of("started"));
            throw new IllegalStateException("the round fails");
        }));

        assertNull(ports.inbox().find("fb-1").orElseThrow().problemId());
        assertEquals(List.of("fb-1"), ports.problems().groupAlone(round -> round.ungrouped(10)).orElseThrow()
                .stream().map(f -> f.feedback().feedbackId()).toList());
    }
}
