package dev.larkinbox.outbound.db;

import static dev.larkinbox.domain.testing.SampleEvents.T0;
import static dev.larkinbox.domain.testing.SampleEvents.feedback;
import static dev.larkinbox.domain.testing.SampleEvents.rawEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.larkinbox.domain.problem.GroupingKey;
import dev.larkinbox.domain.reason.Reason;
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
    void aProblemsReasonsComeBackAsTheyWentWhateverCharactersTheyHold() {
        var item = feedback("ev-1", "fb-1", T0);
        ports.inbox().add(item, rawEvent("ev-1"));
        // quotes, braces, commas, a backslash, NULL as a word, Chinese, an empty reason, the separator of keyed
        // texts: each survives the array's text form the round sends them in
        List<Reason> reasons = List.of(Reason.of("grouping.alike", "0.80", "pb-\"{x}\", \\", "0.30"),
                Reason.verbatim("back\\slash \\s"), Reason.verbatim("NULL"), Reason.verbatim("白屏 闪退"),
                Reason.verbatim(""), Reason.verbatim("\u001Fnot a key"));

        ports.problems().groupAlone(round -> {
            round.start("pb-1", GroupingKey.of(item.feedback()), "t", item, reasons);
            round.assign(item, "pb-1", reasons);
            return true;
        });

        assertEquals(reasons, ports.board().find("pb-1").orElseThrow().reasons());
    }

    @Test
    void aProblemStoredBeforeReasonsHadKeysShowsItsReasonsAsTheyWereWritten() {
        var item = feedback("ev-1", "fb-1", T0);
        ports.inbox().add(item, rawEvent("ev-1"));
        ports.problems().groupAlone(round -> {
            round.start("pb-1", GroupingKey.of(item.feedback()), "t", item, List.of(Reason.of("grouping.none-yet")));
            round.assign(item, "pb-1", List.of(Reason.of("grouping.none-yet")));
            return true;
        });
        PostgresTestDatabase.execute(PostgresTestDatabase.context(), "UPDATE problem SET reasons = "
                + "'{\"no problem yet with the same app cli\"}', regression = 'reported again after it was resolved: "
                + "reopened as a regression' WHERE problem_id = 'pb-1'");

        assertEquals(List.of(Reason.verbatim("no problem yet with the same app cli"),
                Reason.verbatim("reported again after it was resolved: reopened as a regression")),
                ports.board().find("pb-1").orElseThrow().reasons());
    }

    @Test
    void aRoundThatFailsHalfWayWritesNothingSoTheNextGroupsItAll() {
        var item = feedback("ev-1", "fb-1", T0);
        ports.inbox().add(item, rawEvent("ev-1"));

        assertThrows(IllegalStateException.class, () -> ports.problems().groupAlone(round -> {
            round.start("pb-1", GroupingKey.of(item.feedback()), "t", item, List.of(Reason.of("grouping.none-yet")));
            round.assign(item, "pb-1", List.of(Reason.of("grouping.none-yet")));
            throw new IllegalStateException("the round fails");
        }));

        assertNull(ports.inbox().find("fb-1").orElseThrow().problemId());
        assertEquals(List.of("fb-1"), ports.problems().groupAlone(round -> round.ungrouped(10)).orElseThrow()
                .stream().map(f -> f.feedback().feedbackId()).toList());
    }
}
