package dev.larkinbox.domain.problem;

import dev.larkinbox.domain.person.People;
import dev.larkinbox.domain.reason.Reason;
import java.util.List;
import java.util.Objects;

/**
 * Merges a wrongly split pair: the first problem's feedback moves into the other, which says who merged them, by
 * name (their id only for someone the inbox knows no name for).
 */
public final class MergeProblemsService implements MergeProblems {
    private final ProblemStore store;
    private final ProblemBoard board;
    private final People people;

    public MergeProblemsService(ProblemStore store, ProblemBoard board, People people) {
        this.store = Objects.requireNonNull(store, "store");
        this.board = Objects.requireNonNull(board, "board");
        this.people = Objects.requireNonNull(people, "people");
    }

    @Override
    public Problem merge(MergeProblemsCommand command) {
        String actor = command.actor().name();
        Reason reason = Reason.of("problem.merged", command.problemId(),
                people.names(List.of(actor)).getOrDefault(actor, actor));
        if (!store.merge(command.problemId(), command.intoProblemId(), reason)) {
            String missing = board.find(command.problemId()).isEmpty() ? command.problemId() : command.intoProblemId();
            throw new ProblemNotFoundException(missing);
        }
        return board.find(command.intoProblemId())
                .orElseThrow(() -> new ProblemNotFoundException(command.intoProblemId()));
    }
}
