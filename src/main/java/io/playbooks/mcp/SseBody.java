package io.playbooks.mcp;

import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The body of one streamed HTTP answer: server-sent events written as they happen and read by the HTTP server
 * until {@link #close()}.
 * <p>
 * platform-http pumps an InputStream body with blocking reads that run one at a time for all answers of the server
 * (an ordered Vert.x task queue), and sends what it read only once its buffer is full. A read that waited for the
 * tool's result would hold up every other streamed answer, and an event would sit in the buffer. So a read never
 * waits longer than {@link #MAX_WAIT_MILLIS}: with no event by then it gives a blank line, which SSE ignores; and
 * once the events queued so far are read, the next read fills what the reader asks for with blank lines, so they go
 * out at once (not before the end, which sends them anyway).
 */
final class SseBody extends BlockReadStream {

    static final long MAX_WAIT_MILLIS = 25;
    private static final byte BLANK_LINE = '\n';
    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
    private byte[] current = new byte[0];
    private int position;
    private boolean flushWanted;
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

    /**
     * The rest of the current event; else, after the last event queued, {@code length} blank lines; else the next
     * event if one comes within {@link #MAX_WAIT_MILLIS}, a blank line if none does; -1 once closed and drained.
     */
    @Override
    protected int readBlock(byte[] buffer, int offset, int length) throws InterruptedIOException {
        if (position == current.length) {
            if (ended) {
                return -1;
            }
            if (flushWanted && chunks.isEmpty()) {
                flushWanted = false;
                Arrays.fill(buffer, offset, offset + length, BLANK_LINE);
                return length;
            }
            byte[] next = nextChunk();
            if (next == null) {
                buffer[offset] = BLANK_LINE;
                return 1;
            }
            if (next == END) {
                ended = true;
                return -1;
            }
            current = next;
            position = 0;
        }
        int count = Math.min(length, current.length - position);
        System.arraycopy(current, position, buffer, offset, count);
        position += count;
        flushWanted = position == current.length;
        return count;
    }

    private byte[] nextChunk() throws InterruptedIOException {
        try {
            return chunks.poll(MAX_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the next event");
        }
    }

    /** What a read gives without waiting: the rest of the current event, or the blank lines that follow one. */
    @Override
    public int available() {
        return position < current.length ? current.length - position : flushWanted ? 1 : 0;
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
