package dev.larkinbox.domain.admission;

/**
 * The browser back from Lark: every part as it came, possibly missing or forged.
 *
 * @param state         the callback's {@code state}
 * @param browserSecret the browser's sign-in cookie
 * @param code          the callback's {@code code}: absent when the person cancelled
 * @param error         the callback's {@code error}, such as {@code access_denied}
 */
public record FinishSignInCommand(String state, String browserSecret, String code, String error) {
    private static final int MAX_LENGTH = 1024;

    public FinishSignInCommand {
        state = usable(state);
        browserSecret = usable(browserSecret);
        code = usable(code);
        error = usable(error);
    }

    /** Whether the person said no at Lark, or came back without a code. */
    public boolean cancelled() {
        return error != null || code == null;
    }

    /** Blank or absurdly long is as good as absent: nothing that long came from Lark or from us. */
    private static String usable(String value) {
        return value == null || value.isBlank() || value.length() > MAX_LENGTH ? null : value;
    }

    @Override
    public String toString() {
        return "FinishSignInCommand[cancelled=" + cancelled() + "]";
    }
}
