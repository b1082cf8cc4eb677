package dev.larkinbox.domain.feedback;

import dev.larkinbox.domain.label.Labelled;

/** Lark's {@code source}: where the user filed the feedback, or a number added later. */
public sealed interface FeedbackSource extends LarkCode permits FeedbackSource.Known, UnknownCode {
    FeedbackSource MINI_PROGRAM = Known.MINI_PROGRAM;
    FeedbackSource WEB_APP = Known.WEB_APP;
    FeedbackSource BOT = Known.BOT;
    FeedbackSource WEB_SDK = Known.WEB_SDK;

    enum Known implements FeedbackSource, Labelled {
        MINI_PROGRAM(1),
        WEB_APP(2),
        BOT(3),
        WEB_SDK(4);

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

    static FeedbackSource ofCode(int code) {
        return LarkCode.<FeedbackSource>ofCode(Known.values(), code);
    }
}
