package io.playbooks.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Counts the JSON-RPC requests a stdio client sent and the answers written back, and holds back the end of stdin
 * until the last answers are out: a script that pipes its requests and closes the pipe at once would otherwise lose
 * the answers still being computed, since the transport writes nothing once its input has ended. Messages are one
 * per line, as the stdio transport has them.
 */
final class PendingRequests {

    private static final Logger LOG = LoggerFactory.getLogger(PendingRequests.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong answers = new AtomicLong();
    private final Duration limit;

    /** @param limit how long the requests read before stdin ended may take to answer */
    PendingRequests(Duration limit) {
        this.limit = limit;
    }

    /**
     * The client's messages: each with a method and an id (a string or an integer: a message with another id is
     * answered with no id, see {@link InboundGate}) is a request that waits for an answer. The end of the
     * input is passed on once every request has its answer, or the limit is up.
     */
    InputStream reading(InputStream in) {
        Lines lines = new Lines(message -> {
            if (message.has("method") && (message.path("id").isTextual() || message.path("id").isIntegralNumber())) {
                requests.incrementAndGet();
            }
        });
        return new BlockReadStream() {
            /** Whether the last byte passed on ended a line: a last line without one gets one before the end. */
            private boolean atLineStart = true;

            @Override
            protected int readBlock(byte[] buffer, int offset, int length) throws IOException {
                int count = in.read(buffer, offset, length);
                if (count < 0 && !atLineStart) {
                    // the reader needs the line's end to hand the last request over; its answer is then awaited
                    buffer[offset] = '\n';
                    count = 1;
                }
                if (count < 0) {
                    awaitAnswers();
                    return -1;
                }
                for (int i = 0; i < count; i++) {
                    lines.add(buffer[offset + i]);
                }
                atLineStart = buffer[offset + count - 1] == '\n';
                return count;
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    /** The server's messages: each with an id (not null) and a result or an error answers a request. */
    OutputStream writing(OutputStream out) {
        Lines lines = new Lines(message -> {
            if (message.hasNonNull("id") && (message.has("result") || message.has("error"))) {
                answers.incrementAndGet();
            }
        });
        return new FilterOutputStream(out) {
            @Override
            public synchronized void write(int b) throws IOException {
                out.write(b);
                lines.add(b);
            }

            @Override
            public synchronized void write(byte[] buffer, int offset, int length) throws IOException {
                out.write(buffer, offset, length);
                for (int i = 0; i < length; i++) {
                    lines.add(buffer[offset + i]);
                }
            }
        };
    }

    private void awaitAnswers() throws IOException {
        long deadline = System.nanoTime() + limit.toNanos();
        try {
            while (requests.get() > answers.get()) {
                if (System.nanoTime() - deadline > 0) {
                    LOG.warn("stdin closed; stopping with {} request(s) still unanswered after {}",
                            requests.get() - answers.get(), limit);
                    return;
                }
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the last requests were answered");
        }
    }

    /** Bytes into lines, each line into the JSON messages it holds (one, or a batch); lines that are no JSON are skipped. */
    private static final class Lines {

        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private final Consumer<JsonNode> message;

        Lines(Consumer<JsonNode> message) {
            this.message = message;
        }

        void add(int b) {
            if (b != '\n' && b != '\r') {
                line.write(b);
                return;
            }
            end();
        }

        /** The line so far is whole: at a line break (the input gets one after a last line without it). */
        void end() {
            String text = line.toString(StandardCharsets.UTF_8).strip();
            line.reset();
            if (text.isEmpty()) {
                return;
            }
            try {
                JsonNode node = JSON.readTree(text);
                if (node.isArray()) {
                    node.forEach(message);
                } else if (node.isObject()) {
                    message.accept(node);
                }
            } catch (IOException notJson) {
                // the transport answers it with a parse error, or skips it: nothing to wait for
            }
        }
    }
}
