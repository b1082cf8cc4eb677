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
    void aFeedbacksGroupingReasonsAreKeptAsWrittenWhateverCharactersTheyHold() {
        var item = feedback("ev-1", "fb-1", T0);
        ports.inbox().add(item, rawEvent("ev-1"));
        // quotes, braces, commas, a backslash, NULL as a word, Chinese, an empty reason: each survives the
        // array's text form the round sends them in
        List<String> reasons = List.of("joined \"cart {slow}\", 0.8", "back\\slash", "NULL", "白屏 闪退", "");

        ports.problems().groupAlone(round -> {
            round.start("pb-1", GroupingKey.of(item.feedback()), "t", item, reasons);
            round.assign(item, "pb-1", reasons);
            return true;
        });

        assertEquals("[\"joined \\\"cart {slow}\\\", 0.8\",\"back\\\\slash\",\"NULL\",\"白屏 闪退\",\"\"]",
                PostgresTestDatabase.queryText(
                        "SELECT array_to_json(grouping_reasons)::text FROM problem_feedback WHERE feedback_id = 'fb-1'"));
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
