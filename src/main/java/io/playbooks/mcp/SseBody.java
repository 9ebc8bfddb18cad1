package io.playbooks.mcp;

import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The body of one streamed HTTP answer: server-sent events written as they happen and read by the HTTP server
 * (platform-http pumps an InputStream body to the client chunk by chunk) until {@link #close()}.
 */
final class SseBody extends InputStream {

    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
    private byte[] current = new byte[0];
    private int position;
    private boolean ended;
    private volatile boolean closed;

    /** Queues one {@code message} event; ignored once the stream is closed. */
    void send(String id, String data) {
        if (closed) {
            return;
        }
        StringBuilder event = new StringBuilder();
        if (id != null) {
            event.append("id: ").append(id).append('\n');
        }
        event.append("event: message\n");
        for (String line : data.split("\n", -1)) {
            event.append("data: ").append(line).append('\n');
        }
        chunks.add(event.append('\n').toString().getBytes(StandardCharsets.UTF_8));
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public int read() throws InterruptedIOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    /** Blocks until an event is there, then returns what is buffered of it; -1 once closed and drained. */
    @Override
    public int read(byte[] buffer, int offset, int length) throws InterruptedIOException {
        if (length == 0) {
            return 0;
        }
        while (position == current.length) {
            if (ended) {
                return -1;
            }
            try {
                current = chunks.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the next event");
            }
            position = 0;
            if (current == END) {
                ended = true;
                return -1;
            }
        }
        int count = Math.min(length, current.length - position);
        System.arraycopy(current, position, buffer, offset, count);
        position += count;
        return count;
    }

    @Override
    public int available() {
        return current.length - position;
    }

    /** Ends the stream after the events queued so far. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            chunks.add(END);
        }
    }
}
