package dev.larkinbox.domain.problem;

import java.util.Objects;

/** Merges a wrongly split pair: the first problem's feedback moves into the other, which says who merged them. */
public final class MergeProblemsService implements MergeProblems {
    private final ProblemStore store;
    private final ProblemBoard board;

    public MergeProblemsService(ProblemStore store, ProblemBoard board) {
        this.store = Objects.requireNonNull(store, "store");
        this.board = Objects.requireNonNull(board, "board");
    }

    @Override
    public Problem merge(MergeProblemsCommand command) {
        String reason = "problem " + command.problemId() + " merged into it by " + command.actor().name();
        if (!store.merge(command.problemId(), command.intoProblemId(), reason)) {
            String missing = board.find(command.problemId()).isEmpty() ? command.problemId() : command.intoProblemId();
            throw new ProblemNotFoundException(missing);
        }
        return board.find(command.intoProblemId())
                .orElseThrow(() -> new ProblemNotFoundException(command.intoProblemId()));
    }
}
