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
 * platform-http (Camel 4.18's AsyncInputStream) pumps an InputStream body with blocking reads that run one at a time
 * for all answers of the server (an ordered Vert.x task queue), into blocks of {@link #SEND_BLOCK} bytes counted from
 * the body's start, and sends a block only once it is full. A read that waited for the tool's result would hold up
 * every other streamed answer, and an event would sit in its block. So a read never waits longer than
 * {@link #MAX_WAIT_MILLIS}: with no event by then it gives a blank line, which SSE ignores; and once the events queued
 * so far are read, the reads that follow fill the rest of their block with blank lines, so that it goes out at once.
 */
final class SseBody extends BlockReadStream {

    static final long MAX_WAIT_MILLIS = 25;
    /** The block platform-http sends whole: an event goes out once the block it ends in is full. */
    static final int SEND_BLOCK = 16 * 1024;
    private static final byte BLANK_LINE = '\n';
    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
    private byte[] current = new byte[0];
    private int position;
    /** Bytes read so far: where the reader's current block stands. */
    private long handedOut;
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
     * The rest of the current event; else, after the last event queued, blank lines up to the end of its block; else
     * the next event if one comes within {@link #MAX_WAIT_MILLIS}, a blank line if none does; -1 once closed and
     * drained.
     */
    @Override
    protected int readBlock(byte[] buffer, int offset, int length) throws InterruptedIOException {
        if (position == current.length) {
            if (ended) {
                return -1;
            }
            if (flushWanted && chunks.isEmpty()) {
                int blankLines = (int) Math.min(length, SEND_BLOCK - handedOut % SEND_BLOCK);
                Arrays.fill(buffer, offset, offset + blankLines, BLANK_LINE);
                handedOut += blankLines;
                flushWanted = handedOut % SEND_BLOCK != 0;
                return blankLines;
            }
            byte[] next = nextChunk();
            if (next == null) {
                buffer[offset] = BLANK_LINE;
                handedOut++;
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
        handedOut += count;
        // an event read to its end waits in its block: fill the block unless the event ended it
        flushWanted = position == current.length && handedOut % SEND_BLOCK != 0;
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

    /**
     * What a read gives without waiting: the rest of the current event, or the blank lines that follow one (so the
     * reader goes on reading until its block is full).
     */
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
