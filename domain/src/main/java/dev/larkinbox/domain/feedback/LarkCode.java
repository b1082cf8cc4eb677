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
}
