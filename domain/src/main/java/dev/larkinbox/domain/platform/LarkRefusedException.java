package dev.larkinbox.domain.platform;

/**
 * Lark's open API answered, and refused the request with an error code of its own (such as a missing permission
 * or an unknown feedback): trying again rarely helps.
 */
public class LarkRefusedException extends RuntimeException {
    private final int code;

    public LarkRefusedException(int code, String message) {
        super("Lark refused the request with code " + code + ": " + message);
        this.code = code;
    }

    public int code() {
        return code;
    }
}
