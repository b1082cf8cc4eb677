package dev.larkinbox.inbound.ws;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Joins the fragments of messages Lark splits ({@code sum} > 1), which may arrive interleaved with other
 * messages' fragments and in any order. Each message is joined under the map's per-key atomicity, so fragments
 * and expiry on different threads cannot lose or mix parts (the SDK's unsynchronised join lost events).
 * Fragments are joined as bytes, in seq order, before any decoding: a split may fall inside a UTF-8 character.
 */
final class FragmentJoiner {
    /** Refuses absurd counts: one fragment must not make us allocate for millions. */
    static final int MAX_FRAGMENTS = 1024;

    /** A message whose fragments did not all arrive in time. */
    record Dropped(String messageId, int received, int sum) {
    }

    private final Map<String, Partial> partials = new ConcurrentHashMap<>();
    private final long timeoutNanos;

    FragmentJoiner(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
    }

    /**
     * @param nowNanos {@link System#nanoTime()} at arrival
     * @return the whole payload when this fragment completes its message (or is a whole message), else null
     * @throws IllegalArgumentException the fragment's headers are unusable (no message id, seq out of range)
     */
    byte[] add(String messageId, int sum, int seq, byte[] part, long nowNanos) {
        if (sum <= 1) {
            return part;
        }
        if (messageId == null || messageId.isEmpty()) {
            throw new IllegalArgumentException("a fragment without message_id");
        }
        if (sum > MAX_FRAGMENTS || seq < 0 || seq >= sum) {
            throw new IllegalArgumentException("fragment seq " + seq + " of sum " + sum + " is out of range");
        }
        byte[][] whole = new byte[1][];
        partials.compute(messageId, (id, partial) -> {
            // a different sum under a known id can only be a fresh delivery: start over with it
            Partial p = partial == null || partial.parts.length != sum ? new Partial(sum, nowNanos) : partial;
            p.put(seq, part);
            if (p.received == sum) {
                whole[0] = p.join();
                return null;
            }
            return p;
        });
        return whole[0];
    }

    /** Forgets messages that have waited longer than the timeout since their first fragment, and names them. */
    List<Dropped> expire(long nowNanos) {
        List<Dropped> dropped = new ArrayList<>();
        for (String id : partials.keySet()) {
            partials.computeIfPresent(id, (key, p) -> {
                if (nowNanos - p.firstAt < timeoutNanos) {
                    return p;
                }
                dropped.add(new Dropped(key, p.received, p.parts.length));
                return null;
            });
        }
        return dropped;
    }

    int pending() {
        return partials.size();
    }

    /** Only touched inside the map's compute functions, so never by two threads at once. */
    private static final class Partial {
        final byte[][] parts;
        final long firstAt;
        int received;

        Partial(int sum, long firstAt) {
            this.parts = new byte[sum][];
            this.firstAt = firstAt;
        }

        void put(int seq, byte[] part) {
            if (parts[seq] == null) {
                received++;
            }
            parts[seq] = part;
        }

        byte[] join() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (byte[] part : parts) {
                out.writeBytes(part);
            }
            return out.toByteArray();
        }
    }
}
