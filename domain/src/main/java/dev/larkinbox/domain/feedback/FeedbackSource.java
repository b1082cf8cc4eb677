package dev.larkinbox.domain.feedback;

import java.util.Arrays;

/** Lark's {@code source}: where the user filed the feedback, or a number added later. */
public sealed interface FeedbackSource extends LarkCode permits FeedbackSource.Known, UnknownCode {
    FeedbackSource MINI_PROGRAM = Known.MINI_PROGRAM;
    FeedbackSource WEB_APP = Known.WEB_APP;
    FeedbackSource BOT = Known.BOT;
    FeedbackSource WEB_SDK = Known.WEB_SDK;

    enum Known implements FeedbackSource {
        MINI_PROGRAM(1, "mini_program"),
        WEB_APP(2, "web_app"),
        BOT(3, "bot"),
        WEB_SDK(4, "web_sdk");

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

    static FeedbackSource ofCode(int code) {
        return Arrays.stream(Known.values()).filter(k -> k.code == code).<FeedbackSource>map(k -> k)
                .findFirst().orElseGet(() -> new UnknownCode(code));
    }
}
