package dev.larkinbox.domain.reply;

import dev.larkinbox.domain.label.Labelled;
import dev.larkinbox.domain.validation.Text;
import java.util.Objects;

/**
 * A message to the person who filed a feedback, written with the history entry it belongs to: a team member's reply,
 * or the notice that the feedback was resolved. Its text is personal data: never logged.
 */
public record ReporterMessage(Kind kind, String text) {

    public enum Kind implements Labelled {
        REPLY, RESOLVED;

        public static Kind fromLabel(String label) {
            return Labelled.fromLabel(Kind.class, label, "reporter message kind");
        }
    }

    public ReporterMessage {
        Objects.requireNonNull(kind, "kind");
        Text.requireNonBlank(text, "text");
    }

    @Override
    public String toString() {
        return "ReporterMessage[" + kind.label() + "]";
    }
}
