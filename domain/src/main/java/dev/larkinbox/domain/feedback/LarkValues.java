package dev.larkinbox.domain.feedback;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A feedback's values in the forms Lark sends them (events and the feedback listing alike), read leniently:
 * what cannot be read is left out (the raw JSON kept beside it still holds it), never a reason to refuse.
 */
public final class LarkValues {
    /** Strict: the default resolver would quietly turn 30 February into 28 February. */
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);

    /** Feedback type 0 stands for "Lark did not say": triaged like any type we do not know. */
    private static final int TYPE_NOT_GIVEN = 0;

    private LarkValues() {
    }

    public static FeedbackType type(Integer code) {
        return FeedbackType.ofCode(code == null ? TYPE_NOT_GIVEN : code);
    }

    /** Null when Lark did not say. */
    public static FeedbackSource source(Integer code) {
        return code == null ? null : FeedbackSource.ofCode(code);
    }

    public static List<FaultKind> faultKinds(Integer[] codes) {
        return codes == null ? List.of() : Arrays.stream(codes).filter(Objects::nonNull).map(FaultKind::ofCode).toList();
    }

    /** The non-null entries, in order. */
    public static List<String> present(String[] values) {
        return values == null ? List.of() : Arrays.stream(values).filter(Objects::nonNull).toList();
    }

    /** Lark's {@code yyyy-mm-dd hh:mm:ss} (no zone); null when absent or in a form we do not read. */
    public static LocalDateTime localTime(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.trim(), LOCAL_TIME);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
