package dev.larkinbox.domain.problem;

import dev.larkinbox.domain.inbox.TriagedFeedback;
import dev.larkinbox.domain.paging.Page;
import dev.larkinbox.domain.paging.PageRequest;
import java.util.Objects;
import java.util.Optional;

/** The problems as the board keeps them. */
public final class BrowseProblemsService implements BrowseProblems {
    private final ProblemBoard board;

    public BrowseProblemsService(ProblemBoard board) {
        this.board = Objects.requireNonNull(board, "board");
    }

    @Override
    public Page<Problem> list(ProblemFilter filter, ProblemOrder order, PageRequest page) {
        return board.list(filter, order, page);
    }

    @Override
    public Optional<Problem> find(String problemId) {
        return board.find(problemId);
    }

    @Override
    public Page<TriagedFeedback> feedback(String problemId, PageRequest page) {
        return board.feedback(problemId, page);
    }
}
