package dev.larkinbox.inbound.lark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.larkinbox.inbound.lark.fixtures.LarkFixtures;
import org.junit.jupiter.api.Test;

/** A payload nested deeper than any Lark event is refused before it is parsed into a tree. */
class LarkEnvelopeTest {

    @Test
    void anEventNestedToTheLimitIsRead() {
        LarkEnvelope envelope = LarkEnvelope.parse(nested(LarkEnvelope.MAX_NESTING - 2));

        assertEquals("ev-deep", envelope.eventId());
    }

    @Test
    void oneLevelPastTheLimitIsRefusedAsMalformed() {
        MalformedEventException refused = assertThrows(MalformedEventException.class,
                () -> LarkEnvelope.parse(nested(LarkEnvelope.MAX_NESTING - 1)));

        assertEquals("the body nests deeper than 64 levels", refused.getMessage());
    }

    @Test
    void aMillionLevelsAreRefusedAsMalformedWithoutExhaustingTheStack() {
        String deep = "[".repeat(1_000_000) + "]".repeat(1_000_000);
        String deepInEvent = "{\"header\":{\"event_id\":\"x\"},\"event\":{\"a\":" + "[".repeat(1_000_000);

        assertThrows(MalformedEventException.class, () -> LarkEnvelope.parse(deep));
        assertThrows(MalformedEventException.class, () -> LarkEnvelope.parse(deepInEvent));
    }

    /** An event whose {@code event} holds a value {@code levels} arrays deep (the root and event are two more). */
    private static String nested(int levels) {
        String json = LarkFixtures.revocation("ev-deep", "oav-deep");
        return json.substring(0, json.length() - 2) + ",\"deep\":" + "[".repeat(levels) + "]".repeat(levels) + "}}";
    }
}
