package dev.larkinbox.domain.feedback;

import dev.larkinbox.domain.label.Labelled;

/** Lark's {@code feedback_type}: 1 fault, 2 suggestion, or a number added later. */
public sealed interface FeedbackType extends LarkCode permits FeedbackType.Known, UnknownCode {
    FeedbackType FAULT = Known.FAULT;
    FeedbackType SUGGESTION = Known.SUGGESTION;

    enum Known implements FeedbackType, Labelled {
        FAULT(1),
        SUGGESTION(2);

        private final int code;

        Known(int code) {
            this.code = code;
        }

        @Override
        public int code() {
            return code;
        }

        @Override
        public String label() {
            return Labelled.super.label();
        }
    }

    static FeedbackType ofCode(int code) {
        return LarkCode.<FeedbackType>ofCode(Known.values(), code);
    }
}
