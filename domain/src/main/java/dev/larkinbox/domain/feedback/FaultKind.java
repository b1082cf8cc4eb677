package dev.larkinbox.domain.feedback;

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

    /** In the order of Lark's numbers, from 1. */
    enum Known implements FaultKind, KnownCode {
        BLACK_SCREEN,
        WHITE_SCREEN,
        CANNOT_OPEN,
        LAG,
        CRASH,
        SLOW_PAGE_LOAD,
        FREEZE,
        OTHER
    }

    static FaultKind ofCode(int code) {
        return LarkCode.<FaultKind>ofCode(Known.values(), code);
    }
}
