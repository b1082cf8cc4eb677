package dev.larkinbox.domain.problem;

import java.util.List;

/** Use case: the problems a person may merge with one, because the grouping may have split them wrongly. */
public interface FindLikelyDuplicates {
    /** @throws ProblemNotFoundException no such problem */
    List<LikelyDuplicate> find(FindLikelyDuplicatesQuery query);
}
