package dev.larkinbox.domain.feedback;

import java.util.Arrays;

/** Lark's {@code feedback_type}: 1 fault, 2 suggestion, or a number added later. */
public sealed interface FeedbackType extends LarkCode permits FeedbackType.Known, UnknownCode {
    FeedbackType FAULT = Known.FAULT;
    FeedbackType SUGGESTION = Known.SUGGESTION;

    enum Known implements FeedbackType {
        FAULT(1, "fault"),
        SUGGESTION(2, "suggestion");

        private final int code;
        private final String label;

        Known(int code, String label) {
            this.code = code;
            this.label = label;
        }

        @Override
        public int code() {
            return code;
        }

        @Override
        public String label() {
            return label;
        }
    }

    static FeedbackType ofCode(int code) {
        return Arrays.stream(Known.values()).filter(k -> k.code == code).<FeedbackType>map(k -> k)
                .findFirst().orElseGet(() -> new UnknownCode(code));
    }
}
