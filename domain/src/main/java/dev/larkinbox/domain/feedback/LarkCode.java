package dev.larkinbox.domain.feedback;

/**
 * A value Lark sends as a number. Known numbers have a name; a number Lark adds later is kept as an
 * {@link UnknownCode} with its raw value, never refused.
 */
public interface LarkCode {
    int code();

    /** snake_case name, or {@code "unknown"}. */
    String label();

    default boolean isKnown() {
        return !(this instanceof UnknownCode);
    }

    /**
     * The known value with this number, else an {@link UnknownCode} keeping it: the one lookup of the open enums
     * ({@link FeedbackType}, {@link FaultKind}, {@link FeedbackSource}).
     */
    @SuppressWarnings("unchecked") // UnknownCode implements every open enum of Lark's codes
    static <T extends LarkCode> T ofCode(T[] known, int code) {
        for (T value : known) {
            if (value.code() == code) {
                return value;
            }
        }
        return (T) new UnknownCode(code);
    }
}
