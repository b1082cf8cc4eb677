package dev.larkinbox.inbound.ws;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FragmentJoinerTest {
    private static final long SECOND = 1_000_000_000L;
    private final FragmentJoiner joiner = new FragmentJoiner(Duration.ofSeconds(5));

    @Test
    void aWholeMessagePassesStraightThrough() {
        byte[] payload = {1, 2, 3};
        assertArrayEquals(payload, joiner.add("m", 1, 0, payload, 0));
        assertEquals(0, joiner.pending());
    }

    @Test
    void fragmentsOfInterleavedMessagesAreJoinedInSeqOrderWhateverOrderTheyCameIn() {
        byte[] text = "反馈的详细信息".getBytes(StandardCharsets.UTF_8);
        // split inside a UTF-8 character: bytes are joined before anything is decoded
        byte[] a0 = Arrays.copyOfRange(text, 0, 4);
        byte[] a1 = Arrays.copyOfRange(text, 4, 10);
        byte[] a2 = Arrays.copyOfRange(text, 10, text.length);

        assertNull(joiner.add("a", 3, 2, a2, 0));
        assertNull(joiner.add("b", 2, 1, new byte[] {9}, 0));
        assertNull(joiner.add("a", 3, 0, a0, 0));
        assertArrayEquals(new byte[] {8, 9}, joiner.add("b", 2, 0, new byte[] {8}, 0));
        byte[] joined = joiner.add("a", 3, 1, a1, 0);

        assertEquals("反馈的详细信息", new String(joined, StandardCharsets.UTF_8));
        assertEquals(0, joiner.pending());
    }

    @Test
    void aRepeatedFragmentDoesNotCountTwice() {
        assertNull(joiner.add("m", 2, 0, new byte[] {1}, 0));
        assertNull(joiner.add("m", 2, 0, new byte[] {1}, 0));
        assertArrayEquals(new byte[] {1, 2}, joiner.add("m", 2, 1, new byte[] {2}, 0));
    }

    @Test
    void anIncompleteMessageExpiresAfterTheTimeoutCountedFromItsFirstFragment() {
        joiner.add("m", 3, 0, new byte[] {1}, 0);
        joiner.add("m", 3, 2, new byte[] {3}, 4 * SECOND);

        assertTrue(joiner.expire(5 * SECOND - 1).isEmpty());
        assertEquals(List.of(new FragmentJoiner.Dropped("m", 2, 3)), joiner.expire(5 * SECOND));
        assertEquals(0, joiner.pending());
        // a late fragment starts a new message rather than completing the dropped one
        assertNull(joiner.add("m", 3, 1, new byte[] {2}, 6 * SECOND));
    }

    @Test
    void fragmentsThatCannotBeJoinedAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> joiner.add(null, 2, 0, new byte[0], 0));
        assertThrows(IllegalArgumentException.class, () -> joiner.add("m", 2, 2, new byte[0], 0));
        assertThrows(IllegalArgumentException.class, () -> joiner.add("m", 2, -1, new byte[0], 0));
        assertThrows(IllegalArgumentException.class,
                () -> joiner.add("m", FragmentJoiner.MAX_FRAGMENTS + 1, 0, new byte[0], 0));
        assertEquals(0, joiner.pending());
    }
}
