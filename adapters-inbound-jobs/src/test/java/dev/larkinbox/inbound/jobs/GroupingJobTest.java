package dev.larkinbox.inbound.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.larkinbox.domain.problem.GroupNewFeedback;
import dev.larkinbox.domain.problem.GroupNewFeedbackCommand;
import dev.larkinbox.domain.problem.GroupingPace;
import dev.larkinbox.domain.problem.GroupingReport;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A run of the grouping job drains what waits, a bounded round after another, and stops when a round finds less. */
class GroupingJobTest {
    private static final int FULL = GroupingJob.ROUND_SIZE;
    private static final GroupingPace PACE = new GroupingPace(Duration.ofSeconds(30));

    /** Answers the rounds it was given, in order, and remembers what each was asked for. */
    private static final class Rounds implements GroupNewFeedback {
        final Deque<GroupingReport> answers;
        final List<GroupNewFeedbackCommand> asked = new ArrayList<>();

        Rounds(GroupingReport... answers) {
            this.answers = new ArrayDeque<>(List.of(answers));
        }

        @Override
        public GroupingReport group(GroupNewFeedbackCommand command) {
            asked.add(command);
            return answers.isEmpty() ? GroupingReport.NOTHING : answers.pop();
        }
    }

    @Test
    void aRunGroupsRoundAfterRoundWhileEachFindsAFullBatchAndStopsAtThePartialOne() {
        Rounds rounds = new Rounds(new GroupingReport(false, FULL, 10, 0, 1), new GroupingReport(false, FULL, 0, 1, 0),
                new GroupingReport(false, 7, 0, 0, 0), new GroupingReport(false, FULL, 0, 0, 0));

        new GroupingJob(rounds, PACE).group();

        assertEquals(3, rounds.asked.size(), "two full rounds, then the one that found 7 waiting");
        assertEquals(1, rounds.answers.size());
        assertEquals(List.of(new GroupNewFeedbackCommand(FULL, PACE)), rounds.asked.subList(0, 1),
                "rounds of a thousand, at the configured pace");
    }

    @Test
    void aRunSkippedBecauseAnotherInstanceGroupsOrWithNothingWaitingIsOneRound() {
        Rounds skipped = new Rounds(GroupingReport.SKIPPED, new GroupingReport(false, FULL, 0, 0, 0));
        Rounds idle = new Rounds(GroupingReport.NOTHING, new GroupingReport(false, FULL, 0, 0, 0));

        new GroupingJob(skipped, PACE).group();
        new GroupingJob(idle, PACE).group();

        assertEquals(1, skipped.asked.size());
        assertEquals(1, idle.asked.size());
    }
}
