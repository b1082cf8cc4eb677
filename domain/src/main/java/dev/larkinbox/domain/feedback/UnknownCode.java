package dev.larkinbox.domain.feedback;

/** A number Lark sent that this version does not know yet, kept as it came. */
public record UnknownCode(int code) implements FeedbackType, FaultKind, FeedbackSource {
    @Override
    public String label() {
        return "unknown";
    }
}
