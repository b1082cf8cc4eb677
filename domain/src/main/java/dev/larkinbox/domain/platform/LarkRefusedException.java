package dev.larkinbox.domain.platform;

/**
 * Lark's open API answered, and refused the request with an error code of its own (such as a missing permission
 * or an unknown feedback): trying again rarely helps.
 */
public class LarkRefusedException extends RuntimeException {
    private final int code;
    private final boolean permanent;

    public LarkRefusedException(int code, String message) {
        this(code, message, false);
    }

    /** @param permanent trying again cannot help (such as a person the app's bot may not write to) */
    public LarkRefusedException(int code, String message, boolean permanent) {
        super("Lark refused the request with code " + code + ": " + message);
        this.code = code;
        this.permanent = permanent;
    }

    public int code() {
        return code;
    }

    /** Trying again cannot help: an outbox gives the entry up at once. */
    public boolean permanent() {
        return permanent;
    }
}
