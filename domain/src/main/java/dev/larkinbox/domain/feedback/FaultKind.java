package dev.larkinbox.domain.feedback;

import java.util.Arrays;

/** One of Lark's {@code fault_type} numbers, or a number added later. */
public sealed interface FaultKind extends LarkCode permits FaultKind.Known, UnknownCode {
    FaultKind BLACK_SCREEN = Known.BLACK_SCREEN;
    FaultKind WHITE_SCREEN = Known.WHITE_SCREEN;
    FaultKind CANNOT_OPEN = Known.CANNOT_OPEN;
    FaultKind LAG = Known.LAG;
    FaultKind CRASH = Known.CRASH;
    FaultKind SLOW_PAGE_LOAD = Known.SLOW_PAGE_LOAD;
    FaultKind FREEZE = Known.FREEZE;
    FaultKind OTHER = Known.OTHER;

    enum Known implements FaultKind {
        BLACK_SCREEN(1, "black_screen"),
        WHITE_SCREEN(2, "white_screen"),
        CANNOT_OPEN(3, "cannot_open"),
        LAG(4, "lag"),
        CRASH(5, "crash"),
        SLOW_PAGE_LOAD(6, "slow_page_load"),
        FREEZE(7, "freeze"),
        OTHER(8, "other");

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

    static FaultKind ofCode(int code) {
        return Arrays.stream(Known.values()).filter(k -> k.code == code).<FaultKind>map(k -> k)
                .findFirst().orElseGet(() -> new UnknownCode(code));
    }
}
