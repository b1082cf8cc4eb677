package dev.larkinbox.domain.reply;

import dev.larkinbox.domain.inbox.FeedbackStatus;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a change tells the reporter their feedback is resolved: a pure function of the change. One notice per
 * resolution (a move into resolved), and only to a reporter Lark named. The domain knows no fix version yet, so the
 * notice names none.
 */
public record ResolutionNotice(boolean on, Language language) {
    public static final ResolutionNotice OFF = new ResolutionNotice(false, Language.ZH);

    /** {@code inbox.reporter.language}. */
    public enum Language {
        ZH("您反馈的问题已解决，感谢您的反馈！"),
        EN("The problem you reported has been resolved. Thank you for your feedback!");

        private final String resolved;

        Language(String resolved) {
            this.resolved = resolved;
        }
    }

    public ResolutionNotice {
        Objects.requireNonNull(language, "language");
    }

    /** @param reporterKnown whether the feedback names its reporter's open_id */
    public Optional<ReporterMessage> decide(FeedbackStatus from, FeedbackStatus to, boolean reporterKnown) {
        return on && reporterKnown && to == FeedbackStatus.RESOLVED && from != FeedbackStatus.RESOLVED
                ? Optional.of(new ReporterMessage(ReporterMessage.Kind.RESOLVED, language.resolved))
                : Optional.empty();
    }
}
