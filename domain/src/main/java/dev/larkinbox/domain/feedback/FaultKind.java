package dev.larkinbox.domain.feedback;

import dev.larkinbox.domain.label.Labelled;

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

    enum Known implements FaultKind, Labelled {
        BLACK_SCREEN(1),
        WHITE_SCREEN(2),
        CANNOT_OPEN(3),
        LAG(4),
        CRASH(5),
        SLOW_PAGE_LOAD(6),
        FREEZE(7),
        OTHER(8);

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

    static FaultKind ofCode(int code) {
        return LarkCode.<FaultKind>ofCode(Known.values(), code);
    }
}
