package dev.larkinbox.domain.problem;

import java.util.List;
import java.util.Objects;

/**
 * Offers the problems of the same app and type seen most recently whose titles read alike: a wrongly split pair is
 * mostly reported at the same time, and reading a bounded number of them through the board's index costs the same
 * however many problems there are.
 */
public final class FindLikelyDuplicatesService implements FindLikelyDuplicates {
    /** How many of the app's problems seen most recently are compared. */
    static final int COMPARED = 200;

    private final ProblemBoard board;
    private final LikelyDuplicatePolicy policy;

    public FindLikelyDuplicatesService(ProblemBoard board, LikelyDuplicatePolicy policy) {
        this.board = Objects.requireNonNull(board, "board");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    @Override
    public List<LikelyDuplicate> find(FindLikelyDuplicatesQuery query) {
        Problem problem = board.find(query.problemId())
                .orElseThrow(() -> new ProblemNotFoundException(query.problemId()));
        if (problem.key().appId() == null || problem.title() == null) {
            return List.of(); // a problem of no app is compared with nothing, one without a title has nothing to compare
        }
        return policy.offers(problem, board.seenRecently(problem.key().appId(), problem.key().type(), COMPARED),
                query.max());
    }
}
