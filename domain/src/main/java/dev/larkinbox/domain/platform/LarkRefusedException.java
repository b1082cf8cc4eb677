package dev.larkinbox.domain.platform;

import dev.larkinbox.domain.reason.Reason;

/**
 * Lark's open API answered, and refused the request with an error code of its own (such as a missing permission
 * or an unknown feedback): trying again rarely helps. Its message is its reason in English.
 */
public class LarkRefusedException extends RuntimeException {
    private final int code;
    private final boolean permanent;
    private final transient Reason reason;

    public LarkRefusedException(int code, String message) {
        this(code, message, false);
    }

    /**
     * @param message   what was refused, and Lark's own words for why
     * @param permanent trying again cannot help (such as a person the app's bot may not write to)
     */
    public LarkRefusedException(int code, String message, boolean permanent) {
        this(code, Reason.of("lark.refused", code, message), permanent);
    }

    /** @param reason why, in words of the domain's reasons (a key {@code lark.refused.*} of a code known to us) */
    public LarkRefusedException(int code, Reason reason, boolean permanent) {
        super(reason.english());
        this.code = code;
        this.permanent = permanent;
        this.reason = reason;
    }

    public int code() {
        return code;
    }

    /** Trying again cannot help: an outbox gives the entry up at once. */
    public boolean permanent() {
        return permanent;
    }

    /** Why, in the reader's language wherever it is shown. */
    public Reason reason() {
        return reason;
    }
}
