package dev.larkinbox.inbound.ws;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The complete messages waiting for a worker, bounded. When it is full, the message that found it full waits
 * aside and its socket is not read again until that message is queued: a slow database stops the reading
 * instead of growing memory, and Lark keeps what is not read.
 */
final class WorkQueue {
    private final BlockingQueue<ReceivedMessage> queue;
    private final Object stallLock = new Object();
    /** The one message that found the queue full. Guarded by stallLock. */
    private ReceivedMessage stalled;

    WorkQueue(int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /** Called by the reading thread: queues the message and reads on, or sets it aside and stops the reading. */
    void put(ReceivedMessage message) {
        if (queue.offer(message)) {
            message.connection().requestNext();
            return;
        }
        synchronized (stallLock) {
            stalled = message;
        }
        // a worker may have made room before the message was set aside: look again, or a worker will
        retryStalled();
    }

    /** Called by a worker: the next message, once there is one; the room it leaves takes the stalled message. */
    ReceivedMessage take() throws InterruptedException {
        ReceivedMessage next = queue.take();
        retryStalled();
        return next;
    }

    /** True while this connection's reading waits for room, so that it cannot have seen a pong either. */
    boolean readingPaused(Connection c) {
        synchronized (stallLock) {
            return stalled != null && stalled.connection() == c;
        }
    }

    /** Forgets every waiting message, unacked: Lark delivers them again. */
    void abandon() {
        synchronized (stallLock) {
            stalled = null;
        }
        queue.clear();
    }

    private void retryStalled() {
        ReceivedMessage message;
        synchronized (stallLock) {
            if (stalled == null || !queue.offer(stalled)) {
                return;
            }
            message = stalled;
            stalled = null;
        }
        message.connection().requestNext();
    }
}
