package dev.larkinbox.domain.card;

import dev.larkinbox.domain.problem.Problem;
import dev.larkinbox.domain.reason.Reason;
import dev.larkinbox.domain.triage.Priority;
import dev.larkinbox.domain.validation.Text;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * A chat card announcing that a problem spikes or regressed: its title, priority, how many reports from how many
 * tenants, and why; never a contact or a user id.
 *
 * @param occasion what is announced, once: a spike's start or the report that reopened it (the card's dedup key)
 * @param title    personal data (from a description): never logged; null when the first report had none
 * @param reasons  why it spikes or regressed
 * @param link     the problem in the web inbox; null when {@code inbox.public-url} is not set
 */
public record ProblemCard(String problemId, Kind kind, String occasion, String title, String appId, Priority priority,
                          long count, int tenants, List<String> faultKinds, List<Reason> reasons, URI link) {

    public enum Kind { SPIKE, REGRESSION }

    public ProblemCard {
        Text.requireNonBlank(problemId, "problemId");
        Objects.requireNonNull(kind, "kind");
        Text.requireNonBlank(occasion, "occasion");
        Objects.requireNonNull(priority, "priority");
        faultKinds = List.copyOf(faultKinds);
        reasons = List.copyOf(reasons);
    }

    /** The card for the problem as it is now; only the reasons about the spike or the regression are shown. */
    public static ProblemCard of(Problem problem, Kind kind, String occasion, URI publicUrl) {
        String about = kind == Kind.SPIKE ? "spike." : "regression.";
        List<Reason> reasons = problem.reasons().stream().filter(r -> r.key().startsWith(about)).toList();
        URI link = publicUrl == null ? null : FeedbackCard.page(publicUrl, "problems", problem.problemId());
        return new ProblemCard(problem.problemId(), kind, occasion, problem.title(), problem.key().appId(),
                problem.priority(), problem.count(), problem.tenants(),
                problem.key().faultKinds().stream().map(k -> k.isKnown() ? k.label() : "unknown (" + k.code() + ")")
                        .sorted().toList(), reasons, link);
    }

    /** Personal data (the title) stays out of logs. */
    @Override
    public String toString() {
        return "ProblemCard[problemId=" + problemId + ", " + kind + ", " + priority + "]";
    }
}
