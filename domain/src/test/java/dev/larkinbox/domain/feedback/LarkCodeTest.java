package dev.larkinbox.domain.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LarkCodeTest {

    @Test
    void knownNumbersReadAsTheirNames() {
        assertSame(FeedbackType.FAULT, FeedbackType.ofCode(1));
        assertSame(FeedbackType.SUGGESTION, FeedbackType.ofCode(2));
        assertSame(FaultKind.BLACK_SCREEN, FaultKind.ofCode(1));
        assertSame(FaultKind.CRASH, FaultKind.ofCode(5));
        assertSame(FaultKind.OTHER, FaultKind.ofCode(8));
        assertSame(FeedbackSource.MINI_PROGRAM, FeedbackSource.ofCode(1));
        assertSame(FeedbackSource.WEB_SDK, FeedbackSource.ofCode(4));
        assertEquals("slow_page_load", FaultKind.ofCode(6).label());
        assertEquals("web_app", FeedbackSource.ofCode(2).label());
    }

    @Test
    void aNumberLarkAddsLaterIsKeptWithItsRawValueNotRefused() {
        FaultKind kind = FaultKind.ofCode(9);
        FeedbackType type = FeedbackType.ofCode(-1);
        FeedbackSource source = FeedbackSource.ofCode(5);

        assertEquals(new UnknownCode(9), kind);
        assertEquals(9, kind.code());
        assertEquals("unknown", kind.label());
        assertFalse(kind.isKnown());
        assertEquals(-1, type.code());
        assertEquals(5, source.code());
        assertTrue(FaultKind.LAG.isKnown());
    }

    @Test
    void everyKnownValueRoundTripsThroughItsNumber() {
        for (FaultKind.Known k : FaultKind.Known.values()) {
            assertSame(k, FaultKind.ofCode(k.code()));
        }
        for (FeedbackType.Known k : FeedbackType.Known.values()) {
            assertSame(k, FeedbackType.ofCode(k.code()));
        }
        for (FeedbackSource.Known k : FeedbackSource.Known.values()) {
            assertSame(k, FeedbackSource.ofCode(k.code()));
        }
    }
}
