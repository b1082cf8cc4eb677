package dev.larkinbox.domain.feedback;

/** Lark's {@code feedback_type}: 1 fault, 2 suggestion, or a number added later. */
public sealed interface FeedbackType extends LarkCode permits FeedbackType.Known, UnknownCode {
    FeedbackType FAULT = Known.FAULT;
    FeedbackType SUGGESTION = Known.SUGGESTION;

    /** In the order of Lark's numbers, from 1. */
    enum Known implements FeedbackType, KnownCode {
        FAULT,
        SUGGESTION
    }

    static FeedbackType ofCode(int code) {
        return LarkCode.<FeedbackType>ofCode(Known.values(), code);
    }
}
