package dev.larkinbox.domain.problem;

import dev.larkinbox.domain.reason.Reason;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Which problems a person is offered to merge with one: those of its app and type whose titles read alike its own
 * ({@link DescriptionSimilarity}: Chinese and English alike), most alike first. The grouping kept them apart because
 * their fault kinds or page differ, or their wording did not reach its threshold; a person decides, so the bar is
 * lower than the grouping's. A pure function: each offer says why.
 */
public final class LikelyDuplicatePolicy {
    /** Titles this alike are offered: what shares one word of a fault with little else (付款闪退, 付款卡死) is. */
    public static final double FLOOR = 0.30;

    /** The offers for {@code problem} among {@code others} (itself among them or not), at most {@code max}. */
    public List<LikelyDuplicate> offers(Problem problem, List<Problem> others, int max) {
        if (problem.title() == null) {
            return List.of();
        }
        List<LikelyDuplicate> offers = new ArrayList<>();
        for (Problem other : others) {
            if (other.problemId().equals(problem.problemId()) || other.title() == null) {
                continue;
            }
            double similarity = DescriptionSimilarity.of(problem.title(), other.title());
            if (similarity >= FLOOR) {
                String key = other.key().equals(problem.key()) ? "duplicate.same-key" : "duplicate.other-key";
                offers.add(new LikelyDuplicate(other.problemId(), other.title(), other.count(), other.lastSeen(),
                        similarity, Reason.of(key, String.format(Locale.ROOT, "%.2f", similarity))));
            }
        }
        return offers.stream().sorted(Comparator.comparingDouble(LikelyDuplicate::similarity).reversed()
                .thenComparing(Comparator.comparing(LikelyDuplicate::lastSeen).reversed())).limit(max).toList();
    }
}
