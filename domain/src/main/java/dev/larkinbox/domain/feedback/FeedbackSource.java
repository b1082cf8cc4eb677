package dev.larkinbox.domain.feedback;

/** Lark's {@code source}: where the user filed the feedback, or a number added later. */
public sealed interface FeedbackSource extends LarkCode permits FeedbackSource.Known, UnknownCode {
    FeedbackSource MINI_PROGRAM = Known.MINI_PROGRAM;
    FeedbackSource WEB_APP = Known.WEB_APP;
    FeedbackSource BOT = Known.BOT;
    FeedbackSource WEB_SDK = Known.WEB_SDK;

    /** In the order of Lark's numbers, from 1. */
    enum Known implements FeedbackSource, KnownCode {
        MINI_PROGRAM,
        WEB_APP,
        BOT,
        WEB_SDK
    }

    static FeedbackSource ofCode(int code) {
        return LarkCode.<FeedbackSource>ofCode(Known.values(), code);
    }
}
